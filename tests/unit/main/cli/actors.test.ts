import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../../src/core/edits/builders';
import { openWorkspace } from '../../../../src/main/services/workspace';
import { runCli } from '../../../support/cli';
import { tempDir } from '../../../support/temp';
import { SEEDS_DIR } from '../services/support';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lede-cli-actors-')));
afterEach(() => cleanup());

/** Tags every "Zelenskyy" and "Zelensky" of the seeds as an actor, with the real store. */
async function tagSeeds(workspace: string): Promise<number> {
  const ws = await openWorkspace(workspace, { mode: 'write', seedsDir: SEEDS_DIR });
  let tagged = 0;
  try {
    for (const summary of await ws.listArticles()) {
      const doc = await ws.getDoc(summary.id);
      const match = /\bZelenskyy?\b/.exec(doc.article.text);
      if (!match) continue;
      const r = createAnnotation(
        doc,
        { label: 'actor', fragments: [{ start: match.index, end: match.index + match[0].length }] },
        { author: 'me', now: new Date().toISOString() },
      );
      if (!r.ok) throw new Error('bad span');
      await ws.applyEdit({ kind: 'doc', articleId: summary.id, command: r.value.command });
      tagged++;
    }
  } finally {
    await ws.close();
  }
  return tagged;
}

describe('lede actors', () => {
  it('adds, matches, links, lists and merges, with the documented JSON shapes', async () => {
    const workspace = join(dir, 'ws');
    const tagged = await tagSeeds(workspace);
    expect(tagged).toBeGreaterThanOrEqual(2);

    const add = runCli(['actors', 'add', 'Volodymyr Zelenskyy', 'Zelenskyy Office', '--workspace', workspace]);
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    const ids = [...add.stdout.matchAll(/^added\t(\S+)\t/gm)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);
    const org = runCli(['actors', 'add', 'NATO', '--kind', 'organisation', '--workspace', workspace]);
    expect(org.status).toBe(0);
    expect(runCli(['actors', 'add', 'X', '--kind', 'planet', '--workspace', workspace]).status).toBe(2);
    const again = runCli(['actors', 'add', 'Volodymyr Zelenskyy', '--workspace', workspace]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/was not added/);

    const match = runCli(['actors', 'match', 'Zelensky', 'Angela Merkel', '--json', '--workspace', workspace]);
    expect(match.status).toBe(0);
    const matches = JSON.parse(match.stdout) as {
      name: string;
      match: { id: string; name: string; score: number; reason: string } | null;
      candidates: unknown[];
    }[];
    expect(matches.map((m) => m.name)).toEqual(['Zelensky', 'Angela Merkel']);
    expect(matches[0]!.match).toEqual({ id: ids[0], name: 'Volodymyr Zelenskyy', score: expect.any(Number), reason: expect.any(String) });
    expect(Object.keys(matches[0]!.candidates[0] as object).sort()).toEqual(['id', 'name', 'reason', 'score']);
    expect(matches[1]!.match).toBeNull();

    const link = runCli(['actors', 'link', '--workspace', workspace]);
    expect(link.status).toBe(0);
    expect(link.stdout).toContain(`${tagged} spans linked`);

    const list = runCli(['actors', '--json', '--workspace', workspace]);
    expect(list.status).toBe(0);
    const rows = JSON.parse(list.stdout) as { id: string; name: string; kind: string; aliases: string[]; mentions: number; articles: number }[];
    expect(rows.find((r) => r.id === ids[0])).toEqual({
      id: ids[0],
      name: 'Volodymyr Zelenskyy',
      kind: 'person',
      aliases: [],
      mentions: tagged,
      articles: tagged,
    });
    expect(rows.find((r) => r.name === 'NATO')).toMatchObject({ kind: 'organisation', mentions: 0 });

    const merge = runCli(['actors', 'merge', ids[0]!, ids[1]!, '--workspace', workspace]);
    expect(merge.status).toBe(0);
    const after = JSON.parse(runCli(['actors', '--json', '--workspace', workspace]).stdout) as typeof rows;
    expect(after.map((r) => r.id)).not.toContain(ids[1]);
    expect(after.find((r) => r.id === ids[0])).toMatchObject({ aliases: ['Zelenskyy Office'], mentions: tagged });
    const bad = runCli(['actors', 'merge', ids[0]!, 'ent_nobody', '--workspace', workspace]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no actor ent_nobody/);

    const table = runCli(['actors', '--workspace', workspace]);
    expect(table.stdout).toContain('Volodymyr Zelenskyy');
    expect(table.stdout).toContain('2 actors');
  });
});
