import { z } from 'zod';

/** Per-workspace preferences an analyst sets once. */
export const SettingsSchema = z.object({
  /** The analyst's name: the author of every annotation they make. */
  analystName: z.string().min(1).max(200),
  /** Snap selections to whole words before tagging. */
  snapToWords: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { analystName: 'me', snapToWords: true };
