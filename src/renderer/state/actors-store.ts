import { create } from 'zustand';
import { applyRegistryCommand, type RegistryCommand } from '../../core/actors/registry-commands';
import { EMPTY_REGISTRY, type ActorEntity, type ActorKind, type ActorRegistry } from '../../core/actors/entity';
import type { MatchResult } from '../../core/actors/names/matcher';
import type { Result } from '../../core/model/result';
import { ok } from '../../core/model/result';
import { backend } from './api';
import { showError } from './messages';

/**
 * The actor registry as the page holds it (issue 15). Loaded once per page from `listActors`;
 * registry steps of every edit the page performs (or undoes) are applied here by
 * `editor-history`, so the inspector and the Registry view show the change at once.
 */

interface ActorsState {
  registry: ActorRegistry;
  loaded: boolean;
  /** What Lede proposes for the selected actor span (fetched when it is selected). */
  proposal: { annotationId: string; quote: string; result: MatchResult } | null;
  /** What the Actors view shows, kept while the analyst opens a mention in the editor and comes back. */
  browse: RegistryBrowse;
  load(): Promise<void>;
  setProposal(proposal: ActorsState['proposal']): void;
  setBrowse(change: Partial<RegistryBrowse>): void;
}

export interface RegistryBrowse {
  filter: string;
  kind: ActorKind | '';
  sort: 'name' | 'mentions' | 'articles';
  /** The entity open beside the list. */
  openId: string | null;
}

export const useActors = create<ActorsState>((set) => ({
  registry: EMPTY_REGISTRY,
  loaded: false,
  proposal: null,
  browse: { filter: '', kind: '', sort: 'name', openId: null },
  async load() {
    try {
      const list = await backend().api.listActors({});
      set({ registry: { entities: list.entities.map(entityOfRow) }, loaded: true });
    } catch (error) {
      showError('Could not load the actor registry', error);
    }
  },
  setProposal: (proposal) => set({ proposal }),
  setBrowse: (change) => set((s) => ({ browse: { ...s.browse, ...change } })),
}));

/** A registry row without its counts: the entity exactly as stored. */
function entityOfRow<T extends ActorEntity & { mentions?: number; articles?: number }>(row: T): ActorEntity {
  const { mentions: _m, articles: _a, ...entity } = row;
  return entity;
}

/** Applies registry steps to a registry (all or nothing); `editor-history` calls it with the page's registry. */
export function applyRegistrySteps(registry: ActorRegistry, commands: readonly RegistryCommand[]): Result<ActorRegistry> {
  let next = registry;
  for (const command of commands) {
    const applied = applyRegistryCommand(next, command);
    if (!applied.ok) return applied;
    next = applied.value;
  }
  return ok(next);
}
