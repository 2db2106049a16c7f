import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { sharedPath } from '../../../../support/shared';

/**
 * The W3C web-annotation-tests' `annotationMusts` check: every assertion schema listed in
 * annotations/annotationMusts.test, compiled with ajv (draft-04, formats, strict: false) against
 * the suite's definition schemas. Returns the failed assertions for one annotation.
 */
export function loadAnnotationMusts(): (annotation: unknown) => string[] {
  const root = sharedPath('corpora/w3c-schemas');
  const ajv = new Ajv04({ strict: false, allErrors: false });
  addFormats(ajv);
  for (const f of readdirSync(join(root, 'definitions')).filter((n) => n.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(root, 'definitions', f), 'utf8')));
  }
  const test = JSON.parse(readFileSync(join(root, 'annotations/annotationMusts.test'), 'utf8')) as { assertions: string[] };
  const assertions: { name: string; validate: ValidateFunction }[] = test.assertions.map((path) => {
    const schema = JSON.parse(readFileSync(join(root, path), 'utf8')) as { expectedResult: string };
    if (schema.expectedResult !== 'valid') throw new Error(`${path}: unexpected expectedResult ${schema.expectedResult}`);
    return { name: path, validate: ajv.compile(schema) };
  });
  if (assertions.length < 40) throw new Error(`only ${assertions.length} assertions loaded`);
  return (annotation) => assertions.filter((a) => !a.validate(annotation)).map((a) => `${a.name}: ${ajv.errorsText(a.validate.errors)}`);
}

export function w3cSamples(kind: 'correct' | 'incorrect'): { name: string; text: string }[] {
  const dir = sharedPath('corpora/w3c-schemas/samples', kind);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}
