import type { LabelDef } from '../../core/model/label-schema';

/**
 * The label keys of the schema as they are now, for every hint that names them (the empty
 * inspector, the help overlay's Tag row): never the default "1–4", since analysts add, remove
 * and re-key labels in Settings.
 */
export function labelKeys(labels: readonly Pick<LabelDef, 'key' | 'name'>[]): { key: string; name: string }[] {
  return labels.filter((l) => l.key !== '').map((l) => ({ key: l.key, name: l.name }));
}

/** "1 Claim · 2 Quote · 3 Actor", or the way to get keys when no label has one. */
export function labelKeysText(labels: readonly Pick<LabelDef, 'key' | 'name'>[]): string {
  return (
    labelKeys(labels)
      .map((l) => `${l.key} ${l.name}`)
      .join(' · ') || 'none (set them in Settings)'
  );
}
