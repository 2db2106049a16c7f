import { unzipSync } from 'fflate';
import { MAX_INPUT_BYTES } from '../../../core/formats/limits';
import type { Problem } from '../../../core/model/result';

/** What a zip may unpack to in all: the files inside are bounded one by one (50 MB) and together. */
export const MAX_UNZIPPED_BYTES = 4 * MAX_INPUT_BYTES;
const MAX_ENTRIES = 10_000;

const isZip = (path: string, bytes: Uint8Array) =>
  /\.zip$/i.test(path) ||
  (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6));

/** A zip entry name that stays inside the zip: relative, '/'-separated, no '..', no drive. */
const safeName = (name: string) =>
  !/^[\\/]/.test(name) && !/^[a-zA-Z]:/.test(name) && !name.includes('\\') && !name.includes('\0') && !name.split('/').some((s) => s === '..' || s === '.');

/**
 * The chosen files with every zip among them replaced by the files it holds, under their paths
 * inside it — so the app's own brat export (a zip) imports back as the folder it was made from.
 * A zip wrapping everything in one folder (a zipped project folder) loses that folder when its
 * .ann files sit two folders down. A zip is refused whole, with the reason, when it cannot be read,
 * is empty, holds another zip, names a path outside itself, or would unpack to more than the
 * limits (the sizes are bounded before anything is inflated; fflate never writes past them).
 * macOS resource forks (__MACOSX/) are skipped with a note.
 */
export function expandZips<F extends { path: string; bytes: Uint8Array }>(
  files: readonly F[],
): { files: { path: string; bytes: Uint8Array }[]; problems: Problem[]; notes: string[] } {
  const out: { path: string; bytes: Uint8Array }[] = [];
  const problems: Problem[] = [];
  const notes: string[] = [];
  for (const f of files) {
    if (!isZip(f.path, f.bytes)) {
      out.push(f);
      continue;
    }
    const read = readZip(f.path, f.bytes);
    if ('problem' in read) problems.push({ file: f.path, message: read.problem });
    else {
      out.push(...read.files);
      notes.push(...read.notes.map((n) => `${f.path}: ${n}`));
    }
  }
  return { files: out, problems, notes };
}

function readZip(path: string, bytes: Uint8Array): { files: { path: string; bytes: Uint8Array }[]; notes: string[] } | { problem: string } {
  let total = 0;
  let refusal: string | null = null;
  let entries = 0;
  const notes: string[] = [];
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(bytes, {
      filter: (entry) => {
        if (refusal) return false;
        const name = entry.name;
        if (name.endsWith('/')) return false;
        if (!safeName(name)) refusal = `holds a file named "${name}", which points outside the zip; refused`;
        else if (/\.zip$/i.test(name)) refusal = `holds another zip (${name}); unpack it and choose its files`;
        else if (++entries > MAX_ENTRIES) refusal = `holds more than ${MAX_ENTRIES} files; refused`;
        else if (entry.originalSize > MAX_INPUT_BYTES) refusal = `${name} would unpack to ${mb(entry.originalSize)} MB, over the 50 MB import limit; refused`;
        else if ((total += entry.originalSize) > MAX_UNZIPPED_BYTES) refusal = `would unpack to more than ${mb(MAX_UNZIPPED_BYTES)} MB; refused`;
        if (refusal) return false;
        if (name.startsWith('__MACOSX/')) {
          notes.push(`${name}: macOS resource fork; skipped`);
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    return { problem: `is not a zip Lede can read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (refusal) return { problem: refusal };
  const names = Object.keys(unpacked).sort();
  if (names.length === 0) return { problem: 'the zip holds no files' };
  const inner = names.map((name) => ({ path: name, bytes: unpacked[name]! }));
  if (inner.some((e) => e.bytes.length > 4 && e.bytes[0] === 0x50 && e.bytes[1] === 0x4b && e.bytes[2] === 3 && e.bytes[3] === 4)) {
    return { problem: `holds another zip (${inner.find((e) => e.bytes[0] === 0x50 && e.bytes[1] === 0x4b)!.path}); unpack it and choose its files` };
  }
  return { files: withoutWrapper(inner), notes };
}

/** `project/alice/doc.ann` → `alice/doc.ann` when every file is inside `project/` and the .ann files sit two folders down. */
function withoutWrapper(files: { path: string; bytes: Uint8Array }[]): { path: string; bytes: Uint8Array }[] {
  const tops = new Set(files.map((f) => (f.path.includes('/') ? f.path.slice(0, f.path.indexOf('/')) : '')));
  const deep = files.some((f) => /\.ann$/i.test(f.path) && f.path.split('/').length > 2);
  if (tops.size !== 1 || tops.has('') || !deep) return files;
  const top = [...tops][0]!.length + 1;
  return files.map((f) => ({ path: f.path.slice(top), bytes: f.bytes }));
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(0);
