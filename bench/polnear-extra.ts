/**
 * More PolNeAR, when a developer has it: the shared corpora hold 22 of PolNeAR's ~1,000
 * articles, and only 5 of them are held out, so one article's quotes move the held-out figure by
 * several points. A local copy of more of the corpus (networkdynamics/PolNeAR, `data/dev` and
 * `data/test`; not shipped, not in CI) can be named here, each folder in readGoldCorpus's layout:
 *
 *   LEDE_POLNEAR_DEV=DIR   more development text: scored by the bench, its errors listed by suggest-errors.ts
 *   LEDE_POLNEAR_TEST=DIR  more held-out text: scored by the bench only, never listed
 *
 * A document of the shared corpora found in either folder is refused: held-out text must not
 * become development text under another folder's name, nor be counted twice.
 */
import { documentName, readGoldCorpus } from '../src/main/services/suggest/gold-corpus';
import type { GoldDocument } from '../src/core/suggest/evaluate';
import { sharedPath } from '../tests/support/shared';

export function extraPolnear(which: 'LEDE_POLNEAR_DEV' | 'LEDE_POLNEAR_TEST'): GoldDocument[] {
  const dir = process.env[which];
  if (!dir) return [];
  const shared = new Set([...readGoldCorpus(sharedPath('corpora/polnear-single')), ...readGoldCorpus(sharedPath('corpora/polnear-multi'))].map(documentName));
  const docs = readGoldCorpus(dir);
  const taken = docs.find((d) => shared.has(documentName(d)));
  if (taken) throw new Error(`${which}: ${documentName(taken)} is a document of the shared corpora; remove it from ${dir}`);
  return docs;
}
