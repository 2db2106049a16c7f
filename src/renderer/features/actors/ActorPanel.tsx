import { useEffect, useState } from 'react';
import { ACTOR_KINDS, findEntity, type ActorKind } from '../../../core/actors/entity';
import type { Annotation } from '../../../core/model/annotation';
import type { ArticleDoc } from '../../../core/model/document';
import { acceptProposal, createActorFor, linkToEntity, unlinkActor } from '../../state/actors-actions';
import { proposeActor } from '../../state/actor-lookup-actions';
import { useActors } from '../../state/actors-store';

/**
 * The actor part of an actor span's inspector: the entity it names, or — while unlinked — the
 * entity Lede proposes (score and why) with the other candidates. `Shift+P` links the proposal,
 * `Shift+N` makes a new actor, `Shift+U` removes the link (Shift chords: plain letters stay free for label keys); doing nothing leaves the span unlinked.
 */
export function ActorPanel({ doc, span }: { doc: ArticleDoc; span: Annotation }) {
  const registry = useActors((s) => s.registry);
  const loaded = useActors((s) => s.loaded);
  const proposal = useActors((s) => s.proposal);
  const [changing, setChanging] = useState(false);
  // The kind a "New actor" click gives (Shift+N makes a person; the kind can be changed in the registry).
  const [newKind, setNewKind] = useState<ActorKind>('person');
  const kindChoice = (
    <select className="actor-new-kind" aria-label="Kind of the new actor" value={newKind} onChange={(e) => setNewKind(e.target.value as ActorKind)}>
      {ACTOR_KINDS.map((k) => (
        <option key={k} value={k}>
          {k}
        </option>
      ))}
    </select>
  );
  useEffect(() => {
    if (!loaded) void useActors.getState().load();
  }, [loaded]);
  useEffect(() => {
    let live = true;
    setChanging(false);
    useActors.getState().setProposal(null);
    void proposeActor(doc.article.id, span, () => live);
    return () => {
      live = false;
    };
    // The registry is a dependency: a new actor or alias changes what is proposed.
  }, [span.id, span.quote, span.author, doc.article.id, registry]);
  const entity = span.entity !== undefined ? findEntity(registry, span.entity) : undefined;
  const result = proposal?.annotationId === span.id ? proposal.result : null;
  const candidates = (result?.candidates ?? []).filter((c) => c.id !== span.entity);
  return (
    <div className="actor-panel" aria-label="Actor">
      <h3>Actor</h3>
      {entity ? (
        <div className="actor-linked">
          <p>
            <strong data-testid="actor-entity-name">{entity.name}</strong> <span className="muted">({entity.kind})</span>
          </p>
          <div className="actor-buttons">
            <button type="button" className="button small" onClick={() => setChanging(!changing)}>
              Change…
            </button>
            <button type="button" className="button small" onClick={() => unlinkActor(span.id)} title="Remove the link to this actor (Shift+U)">
              Unlink <kbd>U</kbd>
            </button>
          </div>
        </div>
      ) : result?.match ? (
        <div className="actor-proposal" data-testid="actor-proposal">
          <p>
            Lede proposes <strong>{result.match.name}</strong> <span className="muted">({result.match.kind})</span>
          </p>
          <p className="muted small">
            {Math.round(result.match.score * 100)}% · {result.match.reason}
            {result.match.matched !== result.match.name ? ` (“${result.match.matched}”)` : ''}
          </p>
          <div className="actor-buttons">
            <button
              type="button"
              className="button small primary"
              onClick={() => acceptProposal(span.id)}
              title="Link this span and its same-text spans in the article (Shift+P)"
            >
              Link <kbd>⇧P</kbd>
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => createActorFor(span.id, newKind)}
              title={`A new actor named “${span.quote}” (Shift+N)`}
            >
              New actor <kbd>⇧N</kbd>
            </button>
            {kindChoice}
          </div>
        </div>
      ) : (
        <div className="actor-none">
          <p className="muted">{result ? 'Not linked; no actor in the registry matches this name.' : 'Not linked.'}</p>
          <button type="button" className="button small" onClick={() => createActorFor(span.id, newKind)} title={`A new actor named “${span.quote}” (Shift+N)`}>
            New actor “{span.quote.length > 30 ? `${span.quote.slice(0, 30)}…` : span.quote}” <kbd>⇧N</kbd>
          </button>
          {kindChoice}
        </div>
      )}
      {(changing || (!entity && candidates.length > (result?.match ? 1 : 0))) && (
        <ul className="actor-candidates" aria-label="Other candidates">
          {candidates
            .filter((c) => c.id !== result?.match?.id || entity)
            .map((c) => (
              <li key={c.id}>
                <button type="button" className="link-button" onClick={() => linkToEntity(span.id, c.id)}>
                  {c.name}{' '}
                  <span className="muted">
                    ({c.kind}, {Math.round(c.score * 100)}% {c.reason})
                  </span>
                </button>
              </li>
            ))}
          {changing && candidates.length === 0 && <li className="muted">No other actor matches this name.</li>}
        </ul>
      )}
    </div>
  );
}
