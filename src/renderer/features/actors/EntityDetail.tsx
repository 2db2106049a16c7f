import { useEffect, useState } from 'react';
import { ACTOR_KINDS, type ActorKind } from '../../../core/actors/entity';
import type { ActorDetail, ActorRow } from '../../../core/api';
import { actorEditOnBackend, addActorAlias, removeActorAlias, renameActor, setActorExternalId, setActorKind, setActorNote } from '../../state/actors-actions';
import { actorDetail } from '../../state/actor-lookup-actions';
import { useActors } from '../../state/actors-store';
import { useView } from '../../state/view-store';
import { useWorkspace } from '../../state/workspace-store';
import { jumpTo } from '../../commands/editor-commands';
import { EntityProperties } from './EntityProperties';
import { MergePicker } from './MergePicker';

/**
 * One entity of the registry, opened: its name, kind, external id, note, properties and aliases
 * to edit, every mention across articles (click opens the article at the span), merge another
 * entity into it, split chosen mentions off into a new one. Each change is one undo step.
 */
export function EntityDetail({ id, rows, onGone }: { id: string; rows: ActorRow[]; onGone(): void }) {
  const registry = useActors((s) => s.registry);
  const entity = registry.entities.find((e) => e.id === id);
  const [detail, setDetail] = useState<ActorDetail | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [alias, setAlias] = useState('');
  const [splitName, setSplitName] = useState('');
  useEffect(() => {
    if (!entity) return;
    void actorDetail(id)
      .then(setDetail)
      .catch(() => setDetail(null));
    // The whole registry, not only this entity: a split moves its mentions without changing it.
  }, [id, entity, registry]);
  useEffect(() => setPicked(new Set()), [id]);
  if (!entity) {
    return <p className="muted registry-empty">This actor is no longer in the registry.</p>;
  }
  const mentionKey = (m: { articleId: string; annotationId: string }) => `${m.articleId}/${m.annotationId}`;
  return (
    <section className="registry-detail" aria-label={`Actor ${entity.name}`}>
      <h2>
        <input
          aria-label="Name"
          key={`n-${entity.name}`}
          defaultValue={entity.name}
          onBlur={(e) => e.target.value.trim() !== entity.name && renameActor(id, e.target.value, true)}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      </h2>
      <p className="muted small">A new name keeps the old one as an alias, so Lede still recognises it in the text.</p>
      <div className="registry-fields">
        <label>
          Kind{' '}
          <select value={entity.kind} onChange={(e) => setActorKind(id, e.target.value as ActorKind)}>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          External id{' '}
          <input
            key={`x-${entity.externalId ?? ''}`}
            defaultValue={entity.externalId ?? ''}
            placeholder="e.g. Q3783"
            onBlur={(e) => e.target.value.trim() !== (entity.externalId ?? '') && setActorExternalId(id, e.target.value)}
          />
        </label>
        <label>
          Note{' '}
          <input
            key={`o-${entity.note ?? ''}`}
            defaultValue={entity.note ?? ''}
            onBlur={(e) => e.target.value !== (entity.note ?? '') && setActorNote(id, e.target.value)}
          />
        </label>
      </div>
      <EntityProperties entity={entity} />
      <h3>Aliases</h3>
      <ul className="registry-alias-list">
        {entity.aliases.map((a) => (
          <li key={a}>
            {a}{' '}
            <button type="button" className="link-button" aria-label={`Remove alias ${a}`} onClick={() => removeActorAlias(id, a)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (alias.trim() && addActorAlias(id, alias.trim())) setAlias('');
        }}
      >
        <input aria-label="New alias" placeholder="Add an alias" value={alias} onChange={(e) => setAlias(e.target.value)} />{' '}
        <button type="submit" className="button small">
          Add
        </button>
      </form>
      <h3>Merge</h3>
      <MergePicker key={id} rows={rows} keep={{ id, name: entity.name }} />
      <h3>Mentions {detail ? `(${detail.mentions.length})` : ''}</h3>
      {detail && detail.mentions.length > 1 && <p className="muted small">Tick mentions that are someone else to split them off into a new actor.</p>}
      <ul className="registry-mentions">
        {detail?.mentions.map((m) => (
          <li key={mentionKey(m)}>
            <input
              type="checkbox"
              aria-label={`Select mention “${m.quote}” in ${m.articleTitle}`}
              checked={picked.has(mentionKey(m))}
              onChange={(e) => {
                const next = new Set(picked);
                if (e.target.checked) next.add(mentionKey(m));
                else next.delete(mentionKey(m));
                setPicked(next);
              }}
            />{' '}
            <button type="button" className="link-button" onClick={() => void openMention(m.articleId, m.annotationId)}>
              “{m.quote}”{' '}
              <span className="muted">
                — {m.articleTitle} ({m.author})
              </span>
            </button>
          </li>
        ))}
      </ul>
      {picked.size > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const mentions = [...picked].map((k) => {
              const [articleId, annotationId] = k.split('/') as [string, string];
              return { articleId, annotationId };
            });
            if (splitName.trim())
              void actorEditOnBackend({ op: 'split', sourceId: id, mentions, name: splitName.trim(), kind: entity.kind }).then(() => setPicked(new Set()));
          }}
        >
          <input aria-label="Name of the new actor" placeholder="Name of the new actor" value={splitName} onChange={(e) => setSplitName(e.target.value)} />{' '}
          <button type="submit" className="button small" disabled={!splitName.trim()}>
            Split {picked.size} off
          </button>
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
