import type { ActorDetail, ActorRow } from '../../core/api';
import type { Annotation } from '../../core/model/annotation';
import { useActors } from './actors-store';
import { backend } from './api';
import { whenSaved } from './editor-history';

/**
 * Asks the backend's name matcher which entity an unlinked actor span names and keeps the answer
 * as the page's proposal (`useActors` `proposal`), unless `live()` says the span is no longer
 * shown. No answer leaves no proposal: the span stays unlinked.
 */
export async function proposeActor(articleId: string, span: Pick<Annotation, 'id' | 'quote' | 'author'>, live: () => boolean): Promise<void> {
  try {
    const [result] = await backend().api.matchActorNames({ names: [span.quote.slice(0, 200)], articleId, author: span.author });
    if (live() && result) useActors.getState().setProposal({ annotationId: span.id, quote: span.quote, result });
  } catch {
    // No proposal.
  }
}

/** Every entity of the registry with its mention counts (they span every article), once the edits in flight are stored. */
export async function listActorRows(): Promise<ActorRow[]> {
  await whenSaved();
  return (await backend().api.listActors({})).entities;
}

/** One entity with every mention across articles, once the edits in flight are stored. */
export async function actorDetail(id: string): Promise<ActorDetail> {
  await whenSaved();
  return backend().api.getActor({ id });
}
