import type { AnnotationSet } from '../../../../src/core/formats/types';
import { AnnotationSchema, RelationSchema } from '../../../../src/core/model/annotation';
import { LabelSchemaSchema } from '../../../../src/core/model/label-schema';
import type { Problem, Result } from '../../../../src/core/model/result';
import { selectorsFor } from '../../../../src/core/text/selectors';

/**
 * What every importer must give back, whatever it was fed: either a set whose every annotation is
 * valid and anchored inside its article's text, or at least one clear error naming the file.
 */
export function outcomeProblems(result: Result<AnnotationSet>, file: string): string[] {
  if (!result || typeof result !== 'object') return ['returned no result'];
  if (!result.ok) return errorProblems(result.errors, file);
  return setProblems(result.value);
}

export function errorProblems(errors: readonly Problem[], file: string): string[] {
  if (!Array.isArray(errors) || errors.length === 0) return ['failed without saying why'];
  const problems: string[] = [];
  for (const e of errors) {
    if (typeof e.message !== 'string' || e.message.trim() === '') problems.push(`an error without a message: ${JSON.stringify(e)}`);
    if (e.file !== undefined && e.file !== file) problems.push(`an error naming another file: ${JSON.stringify(e)}`);
  }
  if (!errors.some((e) => e.file === file)) problems.push(`no error names the file: ${JSON.stringify(errors[0])}`);
  return problems;
}

export function setProblems(set: AnnotationSet): string[] {
  const problems: string[] = [];
  if (!LabelSchemaSchema.safeParse(set.schema).success) problems.push('the label schema is not valid');
  for (const [d, doc] of set.documents.entries()) {
    const text = doc.article.text;
    if (typeof text !== 'string') {
      problems.push(`document ${d} has no text`);
      continue;
    }
    const ids = new Set<string>();
    for (const a of doc.annotations) {
      ids.add(a.id);
      const valid = AnnotationSchema.safeParse(a);
      if (!valid.success) problems.push(`annotation ${a.id} is not valid: ${valid.error.issues[0]?.path.join('.')} ${valid.error.issues[0]?.message}`);
      let last = -1;
      for (const f of a.fragments ?? []) {
        if (!(Number.isSafeInteger(f.start) && Number.isSafeInteger(f.end) && f.start >= 0 && f.start < f.end && f.end <= text.length && f.start >= last)) {
          problems.push(`annotation ${a.id} has fragment [${f.start}, ${f.end}) outside text of length ${text.length} or out of order`);
        }
        last = f.end;
      }
      if (valid.success && !problems.length && selectorsFor(text, a.fragments).quote !== a.quote)
        problems.push(`annotation ${a.id} quotes text that is not at its offsets`);
    }
    for (const r of doc.relations) {
      if (!RelationSchema.safeParse(r).success) problems.push(`relation ${r.id} is not valid`);
      if (!ids.has(r.from) || !ids.has(r.to)) problems.push(`relation ${r.id} links an annotation that is not in the document`);
    }
  }
  return problems;
}

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort().join();
const arrayPrototypeNames = Object.getOwnPropertyNames(Array.prototype).sort().join();

/** Whether any input reached Object.prototype (or Array.prototype). */
export function prototypePolluted(): boolean {
  return (
    Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeNames ||
    Object.getOwnPropertyNames(Array.prototype).sort().join() !== arrayPrototypeNames ||
    ({} as Record<string, unknown>).polluted !== undefined
  );
}
