/**
 * brat's visual.conf, read back for what Lede's label schema holds: each type's display name
 * (`[labels]`: `Type | Display name | abbreviation…`, longest form first) and its colour
 * (`[drawing]`: `Type<TAB>bgColor:#hex, …`). Everything else only styles brat's own UI.
 */
export interface BratVisual {
  names: Map<string, string>;
  colors: Map<string, string>;
}

export function readVisualConf(text: string): BratVisual {
  const visual: BratVisual = { names: new Map(), colors: new Map() };
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = header[1]!.toLowerCase();
      continue;
    }
    if (section === 'labels') {
      const [type, name] = line.split('|').map((s) => s.trim());
      if (type && name && name.length <= 200) visual.names.set(type, name);
    } else if (section === 'drawing') {
      const type = line.split(/\s+/, 1)[0]!;
      const color = /\bbgColor:\s*(#[0-9a-f]{6})\b/i.exec(line.slice(type.length));
      if (color) visual.colors.set(type, color[1]!.toLowerCase());
    }
  }
  return visual;
}
