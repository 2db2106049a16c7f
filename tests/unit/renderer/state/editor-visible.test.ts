import { describe, expect, it } from 'vitest';
import { rejectedLayerName } from '../../../../src/core/review/ids';
import { shownCount, visibleAnnotations } from '../../../../src/renderer/state/editor-visible';
import type { Filters } from '../../../../src/renderer/state/editor-store';
import { ann } from '../../core/agreement/article';

/** Review companions ("reviewed (rejected)") are nobody's layer: hidden and uncounted until asked for. */
const companion = rejectedLayerName('reviewed');
const annotations = [ann('a1', 'me', 'Claim', [[0, 3]]), ann('r1', 'reviewed', 'Claim', [[0, 3]]), ann('x1', companion, 'Claim', [[4, 9]])];
const filters = (more: Partial<Filters> = {}): Filters => ({ hiddenLabels: [], hiddenAuthors: [], showCompanions: false, ...more });

describe('review companions in the editor', () => {
  it('are not drawn or listed unless shown; other filters still apply', () => {
    expect(visibleAnnotations(annotations, filters()).map((a) => a.id)).toEqual(['a1', 'r1']);
    expect(visibleAnnotations(annotations, filters({ showCompanions: true })).map((a) => a.id)).toEqual(['a1', 'r1', 'x1']);
    expect(visibleAnnotations(annotations, filters({ showCompanions: true, hiddenAuthors: ['me'] })).map((a) => a.id)).toEqual(['r1', 'x1']);
  });

  it('are left out of an article’s count unless shown', () => {
    const authors = { me: 1, reviewed: 1, [companion]: 1 };
    expect(shownCount(authors, 3, filters())).toBe(2);
    expect(shownCount(authors, 3, filters({ showCompanions: true }))).toBe(3);
    expect(shownCount({ me: 4 }, 4, filters())).toBe(4);
  });
});
