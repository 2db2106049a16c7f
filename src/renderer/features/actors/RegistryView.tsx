import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ACTOR_KINDS, type ActorKind } from '../../../core/actors/entity';
import type { ActorRow } from '../../../core/api';
import { listActorRows } from '../../state/actor-lookup-actions';
import { useActors, type RegistryBrowse } from '../../state/actors-store';
import { showError } from '../../state/messages';
import { counted } from '../../../core/text/plural';
import { EntityDetail } from './EntityDetail';

type SortKey = RegistryBrowse['sort'];

/**
 * The actor registry (issue 15): every entity with its aliases and how often it is mentioned;
 * filter, sort, open one to see and edit it and every mention across articles. ↑/↓ move in the
 * list (in the list also Page Up/Down, Home, End), Enter opens. Every change is an edit on the normal undo history.
 */
export default function RegistryView() {
  const registry = useActors((s) => s.registry);
  const loaded = useActors((s) => s.loaded);
  // The page's copy of the registry (what an opened entity is edited from) is loaded on first need:
  // the Actors view may be the first thing an analyst opens.
  useEffect(() => {
    if (!loaded) void useActors.getState().load();
  }, [loaded]);
  const [rows, setRows] = useState<ActorRow[]>([]);
  // Until the first list arrives, an empty list says nothing (not "no actors yet").
  const [fetched, setFetched] = useState(false);
  const { filter, kind, sort, openId } = useActors((s) => s.browse);
  const browse = useActors((s) => s.setBrowse);
  const setFilter = (value: string) => browse({ filter: value });
  const setKind = (value: ActorKind | '') => browse({ kind: value });
  const setSort = (value: SortKey) => browse({ sort: value });
  const setOpenId = (id: string | null) => browse({ openId: id });
  const [cursor, setCursor] = useState(0);
  // Counts live on the backend (they span every article): refetch whenever the registry changes.
  useEffect(() => {
    // After the edit that changed it is stored, or the counts would be the old ones.
    void listActorRows()
      .then((r) => {
        setRows(r);
        setFetched(true);
      })
      .catch((error) => showError('Could not list the actors', error));
  }, [registry]);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = rows.filter(
      (r) => (kind === '' || r.kind === kind) && (needle === '' || [r.name, ...r.aliases].some((n) => n.toLowerCase().includes(needle))),
    );
    const by = (r: ActorRow) => (sort === 'name' ? 0 : -r[sort]);
    return kept.sort((a, b) => by(a) - by(b) || a.name.localeCompare(b.name));
  }, [rows, filter, kind, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => 44, overscan: 8 });
  // Back from the editor: the cursor starts on the entity that was open, scrolled into sight.
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || rows.length === 0) return;
    placed.current = true;
    const index = openId ? shown.findIndex((r) => r.id === openId) : -1;
    if (index > 0) {
      setCursor(index);
      virtualizer.scrollToIndex(index, { align: 'center' });
    }
  }, [rows, shown, openId, virtualizer]);
  // Opening the view puts the keys where they work: a first visit in the filter (type to filter,
  // ↑/↓ and Enter), back from the editor in the list on the entity that was open — where Ctrl+Z
  // is the app's undo, not the filter field's own.
  const filterField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    (openId ? scroller.current : filterField.current)?.focus();
    // Once, on opening the view: later changes of openId come from the analyst's own keys and clicks.
  }, []);
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, index));
    setCursor(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  // In the list, Home/End and Page Up/Down too (10,000 rows); in the filter field those keys edit the text.
  const inList = (e: React.KeyboardEvent) => e.currentTarget === scroller.current;
  const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 440) / 44) - 1);
  const onKey = (e: React.KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page }[e.key];
    if (step !== undefined && (inList(e) || Math.abs(step) === 1)) {
      moveTo(cursor + step);
      e.preventDefault();
    } else if ((e.key === 'Home' || e.key === 'End') && inList(e)) {
      moveTo(e.key === 'Home' ? 0 : shown.length - 1);
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
          <input
            type="search"
            ref={filterField}
            placeholder="Filter by name or alias"
            aria-label="Filter actors"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setCursor(0);
            }}
            onKeyDown={onKey}
          />
          <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as ActorKind | '')}>
            <option value="">Every kind</option>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="name">Sort by name</option>
            <option value="mentions">Sort by mentions</option>
            <option value="articles">Sort by articles</option>
          </select>
        </div>
        <p className="muted small">
          {shown.length === rows.length
            ? `${rows.length.toLocaleString('en')} ${rows.length === 1 ? 'actor' : 'actors'}`
            : `${shown.length.toLocaleString('en')} of ${rows.length.toLocaleString('en')} actors`}{' '}
          · ↑/↓ to move, Enter to open
        </p>
        <div
          className="registry-scroll"
          ref={scroller}
          tabIndex={0}
          onKeyDown={onKey}
          role="listbox"
          aria-label="Actor list"
          aria-activedescendant={shown[cursor] ? `actor-row-${shown[cursor].id}` : undefined}
        >
          {fetched && shown.length === 0 && (
            <p className="muted registry-empty">
              {rows.length === 0
                ? 'No actors yet. Tag a name as an actor in an article and choose “New actor” (⇧N) beside it: the actor appears here with every mention, across articles.'
                : 'No actor matches the filter.'}
            </p>
          )}
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
                  onClick={() => {
                    setCursor(item.index);
                    setOpenId(r.id);
                  }}
                >
                  <span className="registry-name">{r.name}</span> <span className="muted">{r.kind}</span>
                  <span className="registry-counts">
                    {counted(r.mentions, 'mention')} · {counted(r.articles, 'article')}
                  </span>
                  {r.aliases.length > 0 && <div className="muted small registry-aliases">{r.aliases.join(', ')}</div>}
                </div>
              );
            })}
          </div>
        </div>
      </section>
      {openId ? (
        <EntityDetail id={openId} rows={rows} onGone={() => setOpenId(null)} />
      ) : (
        <p className="muted registry-empty">Choose an actor to see every mention and edit it.</p>
      )}
    </div>
  );
}
