import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DurableWriteError, fsyncDir, injectWriteFaultForTests, writeFileDurable, type WriteStep } from '../../../../../src/main/services/store/durable-write';
import { tempDir } from '../../../../support/temp';
import { ioFault } from '../support';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

function folder(): string {
  const { dir, cleanup } = tempDir('lede-dw-');
  cleanups.push(cleanup);
  return dir;
}

describe('writeFileDurable', () => {
  it('leaves a complete, valid file after every save and no temp files', async () => {
    const dir = folder();
    const target = join(dir, 'doc.json');
    for (let i = 0; i < 60; i++) {
      const value = { schemaVersion: 1, items: Array.from({ length: i * 7 }, (_, k) => `item ${k} “quoted”`) };
      const stats = await writeFileDurable(target, JSON.stringify(value));
      expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(value);
      expect(stats.size).toBe(Buffer.byteLength(JSON.stringify(value)));
    }
    expect(readdirSync(dir)).toEqual(['doc.json']);
  });

  it.each<WriteStep>(['open', 'write', 'fsync', 'rename'])('keeps the old file intact when the %s step fails', async (step) => {
    const dir = folder();
    const target = join(dir, 'doc.json');
    writeFileSync(target, '{"old":true}');
    const remove = injectWriteFaultForTests((s) => {
      if (s === step) throw ioFault('ENOSPC');
    });
    try {
      const error = await writeFileDurable(target, '{"new":true}').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DurableWriteError);
      expect(error).toMatchObject({ code: 'ENOSPC', targetReplaced: false });
      expect((error as Error).message).toMatch(/^The disk is full while saving .*doc\.json/);
    } finally {
      remove();
    }
    expect(readFileSync(target, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(dir)).toEqual(['doc.json']);
  });

  it('says when the new content is in place but the folder could not be synced', async () => {
    const dir = folder();
    const target = join(dir, 'doc.json');
    const remove = injectWriteFaultForTests((s) => {
      if (s === 'fsync-dir') throw ioFault('EIO');
    });
    try {
      await expect(writeFileDurable(target, 'new')).rejects.toMatchObject({ code: 'EIO', targetReplaced: true });
    } finally {
      remove();
    }
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('calls beforeReplace once the temp file is durable, before the rename', async () => {
    const dir = folder();
    const target = join(dir, 'doc.json');
    writeFileSync(target, 'old');
    let seen = '';
    await writeFileDurable(target, 'new', {
      beforeReplace: async () => {
        seen = readFileSync(target, 'utf8');
        expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
      },
    });
    expect(seen).toBe('old');
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('syncs a real folder', async () => {
    const dir = folder();
    await expect(fsyncDir(dir)).resolves.toBeUndefined();
    expect(existsSync(dir)).toBe(true);
  });
});
