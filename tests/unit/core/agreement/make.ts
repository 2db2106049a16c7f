import type { AgreementDocument, AgreementSpan } from '../../../../src/core/agreement/documents';

let made = 0;

/** A span for hand-made agreement cases: `[start, end]` pairs, one per fragment; ids are unique and the same every run. */
export function span(author: string, label: string, ...ranges: [number, number][]): AgreementSpan {
  const fragments = ranges.map(([start, end]) => ({ start, end }));
  return { id: `${author}:${label}:${ranges.flat().join('-')}:${++made}`, author, label, fragments };
}

export function doc(id: string, text: string, layers: string[], annotations: AgreementSpan[]): AgreementDocument {
  return { id, title: id, text, layers, annotations };
}
