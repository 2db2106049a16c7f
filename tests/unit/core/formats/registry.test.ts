import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_NAMES, ExportRequestSchema, IMPORT_FORMAT_NAMES } from '../../../../src/core/api/exchange';
import { EXPORT_FORMATS, FORMATS, IMPORT_FORMATS, formatFromContent, formatFromFileName, serializeFormat } from '../../../../src/core/formats';
import { importPickerTypes } from '../../../../src/core/formats/registry';
import { defaultLabelSchema } from '../../../../src/core/model/label-schema';

describe('the format table', () => {
  it('is where the api enum comes from', () => {
    expect([...EXPORT_FORMAT_NAMES]).toEqual(FORMATS.map((f) => f.id));
    expect([...IMPORT_FORMAT_NAMES]).toEqual(FORMATS.filter((f) => f.imports).map((f) => f.id));
    for (const id of EXPORT_FORMATS) expect(ExportRequestSchema.safeParse({ format: id }).success).toBe(true);
    expect(ExportRequestSchema.safeParse({ format: 'docx' }).success).toBe(false);
  });

  it('has a serializer for every row, and only importable rows accept files', () => {
    for (const row of FORMATS) {
      const out = serializeFormat(row.id, [], defaultLabelSchema());
      expect(Array.isArray(out.files), row.id).toBe(true);
      if (!row.imports) expect(row.accepts, row.id).toEqual([]);
    }
    expect(IMPORT_FORMATS).toEqual(['lede', 'w3c', 'brat', 'jsonl']);
  });

  it('tells formats from file names as before, longest ending first', () => {
    const cases: [string, string | null][] = [
      ['a.ann', 'brat'],
      ['A.TXT', 'brat'],
      ['x/annotation.conf', 'brat'],
      ['a.jsonl', 'jsonl'],
      ['a.ndjson', 'jsonl'],
      ['a.jsonld', 'w3c'],
      ['a.w3c.json', 'w3c'],
      ['a.lede.json', 'lede'],
      ['a.json', null],
      ['a.csv', null],
      ['visual.conf', null],
    ];
    for (const [name, format] of cases) expect(formatFromFileName(name), name).toBe(format);
  });

  it('tells .json files apart by their content', () => {
    expect(formatFromContent('{"format": "lede-annotations", "version": 1}')).toBe('lede');
    expect(formatFromContent('{"@context": "http://www.w3.org/ns/anno.jsonld"}')).toBe('w3c');
    expect(formatFromContent('{"text": "a b", "label": [[0, 1, "X"]]}\n{"text": "c"}')).toBe('jsonl');
    expect(formatFromContent('{"something": "else"}')).toBeNull();
  });

  it('gives the file picker every ending and MIME type an import takes', () => {
    expect(importPickerTypes().split(',').sort()).toEqual(
      ['.ann', '.conf', '.json', '.jsonl', '.jsonld', '.ndjson', '.txt', 'application/json', 'application/ld+json'].sort(),
    );
  });
});
