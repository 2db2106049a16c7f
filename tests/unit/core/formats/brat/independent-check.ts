/**
 * brat's rules for an .ann file, checked the plain way for the tests (no code shared with the
 * validator under test): ids well formed and unique, tab-separated columns, T offsets in range
 * and ordered, T text equal to the span (code point offsets), references defined.
 */
export function independentBratCheck(ann: string, txt: string): string[] {
  const chars = Array.from(txt);
  const problems: string[] = [];
  const ids = new Set<string>();
  const lines = ann.split('\n');
  if (ann !== '' && lines[lines.length - 1] !== '') problems.push('file does not end with a newline');
  const refs: [number, string][] = [];
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const cols = line.split('\t');
    const id = cols[0]!;
    if (!/^([TRENAM#]\d+|\*)$/.test(id)) problems.push(`${i + 1}: bad id ${id}`);
    if (id !== '*' && ids.has(id)) problems.push(`${i + 1}: duplicate id ${id}`);
    ids.add(id);
    const expectedColumns = 'TN#'.includes(id[0]!) ? 3 : id[0] === 'R' ? 3 : 2;
    if (cols.length !== expectedColumns) problems.push(`${i + 1}: ${cols.length} columns, expected ${expectedColumns}`);
    const words = (cols[1] ?? '').split(' ');
    if (id[0] === 'T') {
      const spans = words
        .slice(1)
        .join(' ')
        .split(';')
        .map((s) => s.split(' ').map(Number));
      const pieces = spans.map(([s, e]) => {
        if (!(Number.isInteger(s) && Number.isInteger(e) && s! < e! && e! <= chars.length)) problems.push(`${i + 1}: bad span ${s} ${e}`);
        return chars.slice(s, e).join('');
      });
      if (pieces.some((p) => p.includes('\n'))) problems.push(`${i + 1}: span crosses a line break`);
      if (pieces.join(' ') !== cols[2]) problems.push(`${i + 1}: text "${cols[2]}" is not the span "${pieces.join(' ')}"`);
    } else if (id[0] === 'E' || id[0] === 'R' || id === '*') {
      for (const w of words.slice(id[0] === 'E' ? 0 : 1)) refs.push([i + 1, id === '*' ? w : w.split(':')[1]!]);
    } else refs.push([i + 1, words[1]!]);
  }
  for (const [line, ref] of refs) if (!ids.has(ref)) problems.push(`${line}: ${ref} is not defined`);
  return problems;
}
