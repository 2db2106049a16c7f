import { z } from 'zod';

/** Per-workspace preferences an analyst sets once. */
export const SettingsSchema = z.object({
  /** The analyst's name: the author of every annotation they make. */
  analystName: z.string().min(1).max(200),
  /** Snap selections to whole words before tagging. */
  snapToWords: z.boolean(),
  /** Light or dark colours; 'system' (or absent, as in settings saved before themes) follows the OS. */
  theme: z.enum(['system', 'light', 'dark']).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type ThemeChoice = NonNullable<Settings['theme']>;

export const DEFAULT_SETTINGS: Settings = { analystName: 'me', snapToWords: true };
