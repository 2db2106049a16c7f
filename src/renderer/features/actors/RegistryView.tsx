import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ACTOR_KINDS, type ActorKind } from '../../../core/actors/entity';
import type { ActorDetail, ActorRow } from '../../../core/api';
import { actorEditOnBackend, addActorAlias, removeActorAlias, renameActor, setActorExternalId, setActorKind, setActorNote } from '../../state/actors-actions';
import { useActors } from '../../state/actors-store';
import { backend } from '../../state/api';
import { whenSaved } from '../../state/editor-history';
import { showError } from '../../state/messages';
import { useView } from '../../state/view-store';
import { useWorkspace } from '../../state/workspace-store';
import { jumpTo } from '../../commands/editor-commands';

type SortKey = 'name' | 'mentions' | 'articles';

/**
 * The actor registry (issue 15): every entity with its aliases and how often it is mentioned;
 * filter, sort, open one to see and edit it and every mention across articles. ↑/↓ move in the
 * list, Enter opens. Every change is an edit on the normal undo history.
 */
export default function RegistryView() {
  const registry = useActors((s) => s.registry);
  const [rows, setRows] = useState<ActorRow[]>([]);
  const [filter, setFilter] = useState('');
  const [kind, setKind] = useState<ActorKind | ''>('');
  const [sort, setSort] = useState<SortKey>('name');
  const [cursor, setCursor] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  // Counts live on the backend (they span every article): refetch whenever the registry changes.
  useEffect(() => {
    // After the edit that changed it is stored, or the counts would be the old ones.
    void whenSaved()
      .then(() => backend().api.listActors({}))
      .then((list) => setRows(list.entities))
      .catch((error) => showError('Could not list the actors', error));
  }, [registry]);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = rows.filter((r) => (kind === '' || r.kind === kind) && (needle === '' || [r.name, ...r.aliases].some((n) => n.toLowerCase().includes(needle))));
    const by = (r: ActorRow) => (sort === 'name' ? 0 : -r[sort]);
    return kept.sort((a, b) => by(a) - by(b) || a.name.localeCompare(b.name));
  }, [rows, filter, kind, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => 44, overscan: 8 });
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = Math.max(0, Math.min(shown.length - 1, cursor + (e.key === 'ArrowDown' ? 1 : -1)));
      setCursor(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      e.preventDefault();
    } else if (e.key === 'Enter' && shown[cursor]) {
      setOpenId(shown[cursor].id);
      e.preventDefault();
    }
  };
  return (
    <div className="registry-view">
      <section className="registry-list" aria-label="Actors">
        <div className="registry-filters">
          <input type="search" placeholder="Filter by name or alias" aria-label="Filter actors" value={filter} onChange={(e) => { setFilter(e.target.value); setCursor(0); }} onKeyDown={onKey} />
          <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as ActorKind | '')}>
            <option value="">Every kind</option>
            {ACTOR_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
          <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="name">Sort by name</option>
            <option value="mentions">Sort by mentions</option>
            <option value="articles">Sort by articles</option>
          </select>
        </div>
        <p className="muted small">{shown.length === rows.length ? `${rows.length} ${rows.length === 1 ? "actor" : "actors"}` : `${shown.length} of ${rows.length} actors`} · ↑/↓ and Enter</p>
        <div className="registry-scroll" ref={scroller} tabIndex={0} onKeyDown={onKey} role="listbox" aria-label="Actor list" aria-activedescendant={shown[cursor] ? `actor-row-${shown[cursor].id}` : undefined}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = shown[item.index]!;
              return (
                <div
                  key={r.id}
                  id={`actor-row-${r.id}`}
                  role="option"
                  aria-selected={item.index === cursor}
                  className={`registry-row${item.index === cursor ? ' cursor' : ''}${r.id === openId ? ' open' : ''}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, height: item.size }}
                  onClick={() => { setCursor(item.index); setOpenId(r.id); }}
                >
                  <span className="registry-name">{r.name}</span> <span className="muted">{r.kind}</span>
                  <span className="registry-counts">{r.mentions} mentions · {r.articles} articles</span>
                  {r.aliases.length > 0 && <div className="muted small registry-aliases">{r.aliases.join(', ')}</div>}
                </div>
              );
            })}
          </div>
        </div>
      </section>
      {openId ? <EntityDetail id={openId} rows={rows} onGone={() => setOpenId(null)} /> : <p className="muted registry-empty">Choose an actor to see every mention and edit it.</p>}
    </div>
  );
}

function EntityDetail({ id, rows, onGone }: { id: string; rows: ActorRow[]; onGone(): void }) {
  const registry = useActors((s) => s.registry);
  const entity = registry.entities.find((e) => e.id === id);
  const [detail, setDetail] = useState<ActorDetail | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [mergeWith, setMergeWith] = useState('');
  const [alias, setAlias] = useState('');
  const [splitName, setSplitName] = useState('');
  useEffect(() => {
    if (!entity) return;
    void whenSaved().then(() => backend().api.getActor({ id })).then(setDetail).catch(() => setDetail(null));
  }, [id, entity]);
  useEffect(() => setPicked(new Set()), [id]);
  if (!entity) {
    return <p className="muted registry-empty">This actor is no longer in the registry.</p>;
  }
  const mentionKey = (m: { articleId: string; annotationId: string }) => `${m.articleId}/${m.annotationId}`;
  return (
    <section className="registry-detail" aria-label={`Actor ${entity.name}`}>
      <h2>
        <input aria-label="Name" key={`n-${entity.name}`} defaultValue={entity.name} onBlur={(e) => e.target.value.trim() !== entity.name && renameActor(id, e.target.value, true)} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} />
      </h2>
      <div className="registry-fields">
        <label>
          Kind{' '}
          <select value={entity.kind} onChange={(e) => setActorKind(id, e.target.value as ActorKind)}>
            {ACTOR_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        <label>
          External id{' '}
          <input key={`x-${entity.externalId ?? ''}`} defaultValue={entity.externalId ?? ''} placeholder="e.g. Q3783" onBlur={(e) => e.target.value.trim() !== (entity.externalId ?? '') && setActorExternalId(id, e.target.value)} />
        </label>
        <label>
          Note{' '}
          <input key={`o-${entity.note ?? ''}`} defaultValue={entity.note ?? ''} onBlur={(e) => e.target.value !== (entity.note ?? '') && setActorNote(id, e.target.value)} />
        </label>
      </div>
      <h3>Aliases</h3>
      <ul className="registry-alias-list">
        {entity.aliases.map((a) => (
          <li key={a}>
            {a}{' '}
            <button type="button" className="link-button" aria-label={`Remove alias ${a}`} onClick={() => removeActorAlias(id, a)}>×</button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => { e.preventDefault(); if (alias.trim() && addActorAlias(id, alias.trim())) setAlias(''); }}>
        <input aria-label="New alias" placeholder="Add an alias" value={alias} onChange={(e) => setAlias(e.target.value)} /> <button type="submit" className="button small">Add</button>
      </form>
      <h3>Merge</h3>
      <form onSubmit={(e) => { e.preventDefault(); if (mergeWith) void actorEditOnBackend({ op: 'merge', keepId: id, goneId: mergeWith }).then(() => setMergeWith('')); }}>
        <select aria-label="Merge into this actor" value={mergeWith} onChange={(e) => setMergeWith(e.target.value)}>
          <option value="">Choose an actor to merge into this one…</option>
          {rows.filter((r) => r.id !== id).map((r) => <option key={r.id} value={r.id}>{r.name} ({r.mentions})</option>)}
        </select>{' '}
        <button type="submit" className="button small" disabled={!mergeWith}>Merge into {entity.name}</button>
      </form>
      <h3>Mentions {detail ? `(${detail.mentions.length})` : ''}</h3>
      <ul className="registry-mentions">
        {detail?.mentions.map((m) => (
          <li key={mentionKey(m)}>
            <input type="checkbox" aria-label={`Select mention in ${m.articleTitle}`} checked={picked.has(mentionKey(m))} onChange={(e) => { const next = new Set(picked); if (e.target.checked) next.add(mentionKey(m)); else next.delete(mentionKey(m)); setPicked(next); }} />{' '}
            <button type="button" className="link-button" onClick={() => void openMention(m.articleId, m.annotationId)}>
              “{m.quote}” <span className="muted">— {m.articleTitle} ({m.author})</span>
            </button>
          </li>
        ))}
      </ul>
      {picked.size > 0 && (
        <form onSubmit={(e) => {
          e.preventDefault();
          const mentions = [...picked].map((k) => { const [articleId, annotationId] = k.split('/') as [string, string]; return { articleId, annotationId }; });
          if (splitName.trim()) void actorEditOnBackend({ op: 'split', sourceId: id, mentions, name: splitName.trim(), kind: entity.kind }).then(() => setPicked(new Set()));
        }}>
          <input aria-label="Name of the new actor" placeholder="Name of the new actor" value={splitName} onChange={(e) => setSplitName(e.target.value)} />{' '}
          <button type="submit" className="button small" disabled={!splitName.trim()}>Split {picked.size} off</button>
        </form>
      )}
      <button type="button" className="button small danger" onClick={() => void actorEditOnBackend({ op: 'delete', id }).then((done) => done && onGone())}>
        Delete actor (its spans stay, unlinked)
      </button>
    </section>
  );
}

/** Opens the article in the editor and selects the mention. */
async function openMention(articleId: string, annotationId: string): Promise<void> {
  useView.getState().setView('editor');
  const ws = useWorkspace.getState();
  if (ws.currentId !== articleId) await ws.openArticle(articleId);
  requestAnimationFrame(() => requestAnimationFrame(() => jumpTo(annotationId)));
}
