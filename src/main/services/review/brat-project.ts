import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgreementDocument, AgreementLink, AgreementSpan } from '../../../core/agreement/documents';
import { parseBrat } from '../../../core/formats/brat';
import { fail, ok, type Problem, type Result } from '../../../core/model/result';
import { LABEL_SCHEMA_FILE } from '../workspace/workspace-open';

/**
 * A brat project laid out as `<annotator>/<doc>.{txt,ann}` (bratiaa's layout), read for the
 * agreement figures without a workspace: every annotator folder is a layer, every .ann file a
 * document that annotator has (an empty .ann counts: the annotator saw the document and tagged
 * nothing). An `annotation.conf` at the top is used for every file when present.
 */
export interface BratProject {
  annotators: string[];
  documents: AgreementDocument[];
}

/** Whether `dir` is a Lede workspace (it has a label schema), not a brat project: `lede agree` says which to use. */
export function isLedeWorkspace(dir: string): boolean {
  return existsSync(join(dir, LABEL_SCHEMA_FILE));
}

// ignoreBOM keeps a leading byte-order mark in the text, so it is this code that decides what to do with it.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function readText(path: string, name: string, problems: Problem[]): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({ file: name, message: code === 'ENOENT' ? 'the file is missing' : `cannot read it (${code ?? String(error)})` });
    return null;
  }
  try {
    const text = decoder.decode(bytes);
    // brat counts a .txt's byte-order mark as a character (parseBrat reads offsets against it, then drops it).
    return text.charCodeAt(0) === 0xfeff && !name.endsWith('.txt') ? text.slice(1) : text;
  } catch {
    problems.push({ file: name, message: 'not valid UTF-8 text' });
    return null;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function readBratProject(root: string): Promise<Result<BratProject>> {
  let entries: string[];
  try {
    if (!(await stat(root)).isDirectory())
      return fail({ file: root, message: 'not a folder: give a brat project folder laid out as <annotator>/<doc>.{txt,ann}' });
    entries = (await readdir(root)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail({ file: root, message: code === 'ENOENT' ? 'no such folder' : `cannot read the folder (${code ?? String(error)})` });
  }
  const problems: Problem[] = [];
  const conf = entries.includes('annotation.conf') ? await readText(join(root, 'annotation.conf'), 'annotation.conf', problems) : null;
  const annotators: string[] = [];
  for (const name of entries) if (!name.startsWith('.') && (await isDirectory(join(root, name)))) annotators.push(name);
  if (annotators.length === 0) {
    return fail({
      file: root,
      message: 'no annotator folders: a brat project for agreement holds one folder per annotator, each with <doc>.txt and <doc>.ann files',
    });
  }

  const byName = new Map<string, { doc: AgreementDocument; layers: string[]; annotations: AgreementSpan[]; relations: AgreementLink[] }>();
  // Labels by meaning, not by spelling: `Actor` in one annotator's files is `actor` in another's.
  const spelling = new Map<string, string>();
  const labelOf = (label: string) => {
    const key = label.toLocaleLowerCase('en');
    if (!spelling.has(key)) spelling.set(key, label);
    return spelling.get(key)!;
  };
  for (const annotator of annotators) {
    const files = (await readdir(join(root, annotator))).filter((f) => f.endsWith('.ann')).sort();
    for (const file of files) {
      const docName = file.slice(0, -'.ann'.length);
      const where = `${annotator}/${file}`;
      const txt = await readText(join(root, annotator, `${docName}.txt`), `${annotator}/${docName}.txt`, problems);
      const ann = await readText(join(root, annotator, file), where, problems);
      if (txt === null || ann === null) continue;
      let counter = 0;
      // Ids only need to be unique within the merged document: prefix them with the annotator.
      const parsed = parseBrat({
        txt,
        ann,
        file: where,
        author: annotator,
        ...(conf !== null ? { conf } : {}),
        newId: (kind) => `${annotator}:${kind}:${++counter}`,
      });
      if (!parsed.ok) {
        problems.push(...parsed.errors);
        continue;
      }
      const text = parsed.value.documents[0]!.article.text;
      let entry = byName.get(docName);
      if (!entry) {
        entry = { doc: { id: docName, title: docName, text, layers: [], annotations: [] }, layers: [], annotations: [], relations: [] };
        byName.set(docName, entry);
      } else if (entry.doc.text !== text) {
        problems.push({
          file: `${annotator}/${docName}.txt`,
          message: `the text differs from ${entry.layers[0]}/${docName}.txt: annotators must annotate the same text`,
        });
        continue;
      }
      entry.layers.push(annotator);
      for (const d of parsed.value.documents) {
        for (const a of d.annotations) entry.annotations.push(a.label === labelOf(a.label) ? a : { ...a, label: labelOf(a.label) });
        entry.relations.push(...d.relations);
      }
    }
  }
  if (problems.length > 0) return { ok: false, errors: problems };
  const documents = [...byName.values()].map((e) => ({ ...e.doc, layers: e.layers, annotations: e.annotations, relations: e.relations }));
  if (documents.length === 0) return fail({ file: root, message: 'no .ann files in the annotator folders' });
  return ok({ annotators, documents });
}
