import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../../../../../src/core/model/label-schema';
import { labelSchemaCodec } from '../../../../../src/main/services/store/file-formats';
import { StoredFile } from '../../../../../src/main/services/store/stored-file';
import { tempDir } from '../../../../support/temp';

/**
 * A loaded file keeps its value, not the bytes it was read from (issue 12: a bulk import or
 * `lede agree` loads a thousand articles, which were held twice over, as documents and as the
 * raw bytes of each file's read).
 */

const cleanups: (() => unknown)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('a loaded stored file', () => {
  it('lets the bytes of its read go once loaded, and still saves and reloads', async () => {
    const { dir, cleanup } = tempDir('lede-loaded-');
    cleanups.push(cleanup);
    writeFileSync(join(dir, 'label-schema.json'), `${JSON.stringify(labelSchemaCodec.encode(defaultLabelSchema()))}\n`);
    const spec = { workspaceDir: dir, relPath: 'label-schema.json', codec: labelSchemaCodec, backups: null };
    const loaded = await StoredFile.load(spec);
    expect(loaded.state).toBe('ok');
    const file = (loaded as { file: StoredFile<ReturnType<typeof defaultLabelSchema>> }).file;
    // The lowdb adapter lives as long as the file: what it read is not kept there.
    const adapter = (file as unknown as { db: { adapter: { lastRead: unknown; journalState: unknown } } }).db.adapter;
    expect(adapter.lastRead).toBeNull();
    expect(adapter.journalState).toBeNull();
    expect(file.value).toEqual(defaultLabelSchema());
    const next = { ...file.value, labels: file.value.labels.slice(0, 2) };
    await file.set(next);
    const again = await StoredFile.load(spec);
    expect(again.state === 'ok' && again.file.value).toEqual(next);
  });
});
