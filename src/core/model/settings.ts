import { z } from 'zod';

/** How many rejected suggestions one article keeps. */
export const MAX_REJECTIONS_PER_ARTICLE = 10_000;

/** Per-workspace preferences an analyst sets once. */
export const SettingsSchema = z.object({
  /** The analyst's name: the author of every annotation they make. */
  analystName: z.string().min(1).max(200),
  /** Snap selections to whole words before tagging. */
  snapToWords: z.boolean(),
  /** Light or dark colours; 'system' (or absent, as in settings saved before themes) follows the OS. */
  theme: z.enum(['system', 'light', 'dark']).optional(),
  /**
   * Suggestion ids (stable for kind + offsets, src/core/suggest/ids.ts) the analyst rejected, per
   * article id. Kept here rather than in the article files so every article file stays exactly
   * the validated format and no new file kind is needed: optional, so settings saved before
   * suggestions read as "nothing rejected", and written with the same durable save as the rest.
   */
  rejectedSuggestions: z.record(z.string().min(1).max(100), z.array(z.string().min(1).max(300)).max(MAX_REJECTIONS_PER_ARTICLE)).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;
/** Rejected suggestion ids by article id (Settings.rejectedSuggestions). */
export type RejectedSuggestions = NonNullable<Settings['rejectedSuggestions']>;
export type ThemeChoice = NonNullable<Settings['theme']>;

export const DEFAULT_SETTINGS: Settings = { analystName: 'me', snapToWords: true };
