import type { FilePayload } from '../../../core/api';
import { importPickerTypes, mayBeAnnotationFile } from '../../../core/formats/registry';
import { blobToBase64 } from '../../state/read-files';

/** 50 MB: the import limit; bigger files are refused here without being read. */
export const MAX_ANNOTATION_FILE_BYTES = 50 * 1024 * 1024;
export const ANNOTATION_FILE_TYPES = `${importPickerTypes()},.zip,application/zip`;

/** A dropped file that is an annotation set (or a zip of one), not an article (a .txt alone is an article). */
export const isAnnotationFile = (file: File) => !/\.txt$/i.test(file.name) && mayBeAnnotationFile(file.name);

/**
 * A chosen file's path inside the chosen folder: `webkitRelativePath` starts with the folder's own
 * name, which is dropped so that a brat project arrives as <annotator>/<doc>.ann; a file chosen on
 * its own is just its name.
 */
export function relativePath(file: File): string {
  const full = file.webkitRelativePath || file.name;
  const parts = full.split('/').filter(Boolean);
  return parts.length > 1 ? parts.slice(1).join('/') : (parts[0] ?? file.name);
}

/** The chosen folder's name, when the files came from a folder (a sensible default layer name). */
export function chosenFolderName(files: readonly File[]): string | null {
  const first = files[0]?.webkitRelativePath;
  return first && first.includes('/') ? first.split('/')[0]! : null;
}

/** The annotator folders of a brat project (.ann files one folder down), or [] for any other choice. */
export function projectFolders(files: readonly File[]): string[] {
  return foldersOfPaths(files.map(relativePath));
}

function foldersOfPaths(paths: readonly string[]): string[] {
  const anns = paths.filter((p) => p.toLowerCase().endsWith('.ann') && !p.startsWith('__MACOSX/'));
  if (anns.length === 0 || anns.some((p) => p.split('/').length !== 2)) return [];
  return [...new Set(anns.map((p) => p.split('/')[0]!))].sort();
}

/**
 * The annotator folders of a brat project inside a zip (the app's own "All layers" brat export is
 * one), read from the zip's entry names without inflating anything; fflate is loaded only when a
 * zip is chosen. A zip that wraps everything in one folder is read inside it, as the importer does.
 */
export async function zipProjectFolders(file: File): Promise<string[]> {
  const { unzipSync } = await import('fflate');
  const names: string[] = [];
  try {
    unzipSync(new Uint8Array(await file.arrayBuffer()), {
      filter: (entry) => {
        if (!entry.name.endsWith('/')) names.push(entry.name);
        return false;
      },
    });
  } catch {
    return []; // not a readable zip: the importer says so, with the file's name
  }
  const tops = new Set(names.map((n) => n.split('/')[0]));
  const inner = tops.size === 1 && names.every((n) => n.includes('/')) ? names.map((n) => n.slice(n.indexOf('/') + 1)) : names;
  return foldersOfPaths(inner);
}

/** The project folders of a choice: of the files themselves, or of the one zip chosen. */
export async function chosenProjectFolders(files: readonly File[]): Promise<string[]> {
  const direct = projectFolders(files);
  if (direct.length > 0 || files.length !== 1 || !/\.zip$/i.test(files[0]!.name)) return direct;
  return zipProjectFolders(files[0]!);
}

/**
 * A default layer name: none for Lede JSON files (they keep their own layers unless renamed), else
 * the folder's name, else the first file's name without its extensions.
 */
export function defaultLayerName(files: readonly File[]): string {
  if (files.length > 0 && files.every((f) => f.name.toLowerCase().endsWith('.lede.json'))) return '';
  const folder = chosenFolderName(files);
  const stem = (files[0]?.name ?? '').replace(/\..*$/, '');
  return (folder ?? (stem || 'colleague')).slice(0, 200);
}

export async function readAnnotationPayloads(files: readonly File[]): Promise<(FilePayload & { path: string })[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, path: relativePath(file), base64: await blobToBase64(file) })));
}
