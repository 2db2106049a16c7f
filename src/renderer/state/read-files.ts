import type { FilePayload } from '../../core/api';

/** Reads dropped or chosen files into the api's payload form (name + base64 bytes). */
export async function readFilePayloads(files: readonly File[]): Promise<FilePayload[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, base64: await blobToBase64(file) })));
}

/**
 * base64 through FileReader.readAsDataURL: the browser encodes off the main thread, so a 20 MB
 * file costs the page a few hundred milliseconds of waiting, not seconds of a frozen window
 * (building the binary string with String.fromCharCode blocked it for about two seconds).
 */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result as string; // readAsDataURL gives a string
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${blob instanceof File ? blob.name : 'the file'}`));
    reader.readAsDataURL(blob);
  });
}
