/** A plain-text table for terminal output; cells longer than their column's maximum are cut with "…". */
export function formatTable(header: string[], rows: string[][], options: { maxWidth?: number[] } = {}): string {
  const cut = (cell: string, i: number) => {
    const max = options.maxWidth?.[i] ?? Infinity;
    const flat = cell.replace(/\s+/g, ' ');
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  };
  const all = [header, ...rows].map((row) => row.map(cut));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
