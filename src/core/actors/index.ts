/** The actor registry (entities, aliases, merge and split) and the name matcher. */
export * from './entity';
export {
  applyRegistryCommand,
  EntityPatchSchema,
  invertRegistryCommand,
  RegistryCommandSchema,
  type EntityPatch,
  type RegistryCommand,
} from './registry-commands';
export * from './registry-edits';
export * from './mention-edits';
export * from './queries';
export { buildActorMatcher, type ActorMatcher, type MatchCandidate, type MatchOptions, type MatchResult } from './names/matcher';
export { MATCH_THRESHOLD, type MatchReason } from './names/scores';
export { nameKey } from './names/normalize';
