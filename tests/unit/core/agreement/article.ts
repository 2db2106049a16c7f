import type { Annotation, AttributeValue, Relation } from '../../../../src/core/model/annotation';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { canonicalDoc } from '../../../../src/core/edits/apply';
import { selectorsFor } from '../../../../src/core/text/selectors';

/** Hand-made stored documents for comparison and review tests. */
export const T0 = '2026-01-01T00:00:00.000Z';

//                    0         1         2         3         4         5         6
//                    0123456789012345678901234567890123456789012345678901234567890123
export const TEXT = 'The mayor said the bridge will close. Critics said it was safe.';

export function ann(
  id: string,
  author: string,
  label: string,
  ranges: [number, number][],
  extra: { note?: string; attributes?: Record<string, AttributeValue> } = {},
): Annotation {
  const fragments = ranges.map(([start, end]) => ({ start, end }));
  return {
    id,
    label,
    fragments,
    ...selectorsFor(TEXT, fragments),
    attributes: extra.attributes ?? {},
    note: extra.note ?? '',
    author,
    created: T0,
    modified: T0,
  };
}

export function rel(id: string, author: string, type: string, from: string, to: string): Relation {
  return { id, type, from, to, author, created: T0, modified: T0 };
}

export function articleDoc(annotations: Annotation[], relations: Relation[] = []): ArticleDoc {
  return canonicalDoc({
    article: { id: 'a_test', title: 'Test', source: 'test', importedAt: T0, hash: '0'.repeat(64), text: TEXT },
    annotations,
    relations,
  });
}
