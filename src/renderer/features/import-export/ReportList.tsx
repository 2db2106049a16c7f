/** A titled list of report lines, cut to the first 200 so a huge report cannot stall the dialog. */
export function ReportList({ title, items, empty, kind = 'info' }: { title: string; items: readonly string[]; empty?: string; kind?: 'info' | 'error' }) {
  if (items.length === 0) return empty ? <p className="exchange-empty">{empty}</p> : null;
  const shown = items.slice(0, 200);
  return (
    <div className={`exchange-list ${kind}`}>
      <h3>
        {title} ({items.length})
      </h3>
      <ul>
        {shown.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
      {items.length > shown.length && <p>…and {items.length - shown.length} more.</p>}
    </div>
  );
}
