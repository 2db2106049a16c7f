/**
 * An independent reading of brat .ann files, written for the tests only (it shares no code with
 * src/core/formats/brat): what the file means, with brat ids replaced by what they denote, so two
 * files can be compared whatever ids or line order they use.
 */
export function bratMeaning(ann: string): string[] {
  const rows = ann
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.replace(/\r$/, '').split('\t'));
  const spanOf = new Map<string, string>();
  for (const [id, head] of rows) {
    if (!id!.startsWith('T')) continue;
    const [type, ...rest] = head!.split(' ');
    const spans = rest
      .join(' ')
      .split(';')
      .map((s) => s.split(' ').map(Number) as [number, number]);
    spans.sort((a, b) => a[0] - b[0]);
    spanOf.set(id!, `${type}@${spans.map((s) => s.join('-')).join(',')}`);
  }
  const eventOf = new Map<string, string>();
  for (const [id, head] of rows) if (id!.startsWith('E')) eventOf.set(id!, `event:${spanOf.get(head!.split(' ')[0]!.split(':')[1]!)}`);
  const denote = (ref: string) => eventOf.get(ref) ?? spanOf.get(ref) ?? `?${ref}`;
  const relationOf = new Map<string, string>();
  const out: string[] = [];
  const triggers = new Set(rows.filter(([id]) => id!.startsWith('E')).map(([, head]) => head!.split(' ')[0]!.split(':')[1]!));
  for (const [id, head] of rows) {
    const [first, ...args] = head!.split(' ').filter(Boolean);
    switch (id![0]) {
      case 'T':
        if (!triggers.has(id!)) out.push(`span ${spanOf.get(id!)}`);
        break;
      case 'E': {
        const roles = args.map((a) => {
          const [role, ref] = a.split(':');
          return `${role!.replace(/\d+$/, '')}=${denote(ref!)}`;
        });
        out.push(`${denote(id!)} args ${roles.sort().join(' ')}`);
        break;
      }
      case 'R': {
        const byRole = new Map(args.map((a) => a.split(':') as [string, string]));
        const value = `${first} ${denote(byRole.get('Arg1')!)} -> ${denote(byRole.get('Arg2')!)}`;
        relationOf.set(id!, value);
        out.push(`relation ${value}`);
        break;
      }
      case '*':
        out.push(`equiv ${first} ${args.map(denote).sort().join(' = ')}`);
        break;
      default:
        break;
    }
  }
  const target = (ref: string) => relationOf.get(ref) ?? denote(ref);
  for (const [id, head, text] of rows) {
    const [first, ref, value] = head!.split(' ');
    if (id![0] === 'A' || id![0] === 'M') out.push(`attribute ${first}=${value ?? true} on ${target(ref!)}`);
    if (id![0] === 'N') out.push(`normalization ${first} ${value} "${text}" on ${target(ref!)}`);
    if (id![0] === '#') out.push(`note ${first} "${text}" on ${target(ref!)}`);
  }
  return out.sort();
}
