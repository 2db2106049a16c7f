import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedAvailable, sharedPath } from '../../../support/shared';

/** One brat document from the shared corpora, read as the service would read it. */
export interface BratFixture {
  /** Corpus-relative name, e.g. polnear-multi/4b22/nyt_….ann */
  name: string;
  txt: string;
  ann: string;
  conf: string | undefined;
}

/** Every brat folder in ../shared/corpora (the tutorial, polnear-single, each polnear-multi annotator). */
export function bratFolders(): string[] {
  if (!sharedAvailable) return [];
  const multi = sharedPath('corpora/polnear-multi');
  return [
    sharedPath('corpora/brat-tutorial-news'),
    sharedPath('corpora/polnear-single'),
    ...readdirSync(multi)
      .sort()
      .map((d) => join(multi, d)),
  ];
}

export function bratFixtures(): BratFixture[] {
  const out: BratFixture[] = [];
  for (const dir of bratFolders()) {
    const confPath = join(dir, 'annotation.conf');
    const conf = existsSync(confPath) ? readFileSync(confPath, 'utf8') : undefined;
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.ann'))
      .sort()) {
      out.push({
        name: `${dir.slice(sharedPath('corpora').length + 1)}/${f}`,
        txt: readFileSync(join(dir, f.replace(/\.ann$/, '.txt')), 'utf8'),
        ann: readFileSync(join(dir, f), 'utf8'),
        conf,
      });
    }
  }
  return out;
}

export function readShared(...parts: string[]): string {
  return readFileSync(sharedPath(...parts), 'utf8');
}
