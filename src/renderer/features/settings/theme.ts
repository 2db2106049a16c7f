import { useLayoutEffect } from 'react';
import type { ThemeChoice } from '../../../core/model/settings';
import { useWorkspace } from '../../state/workspace-store';
import type { Theme } from '../../styles/palette';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolveTheme(choice: ThemeChoice | undefined, systemDark: boolean): Theme {
  if (choice === 'light' || choice === 'dark') return choice;
  return systemDark ? 'dark' : 'light';
}

/** Sets the root's data-theme, which switches app.css and the highlight rules to that palette. */
export function applyTheme(choice: ThemeChoice | undefined): void {
  document.documentElement.dataset.theme = resolveTheme(choice, darkQuery().matches);
}

/** The last choice, remembered by this browser so the first paint uses it before the settings load. */
const REMEMBERED = 'lede-theme';

export function rememberedTheme(): ThemeChoice | undefined {
  try {
    const value = localStorage.getItem(REMEMBERED);
    return value === 'light' || value === 'dark' || value === 'system' ? value : undefined;
  } catch {
    return undefined; // storage refused (private mode, policy): follow the OS
  }
}

function remember(choice: ThemeChoice): void {
  try {
    localStorage.setItem(REMEMBERED, choice);
  } catch {
    // not remembered: the next start paints the OS theme until the settings load
  }
}

/** Keeps data-theme on the root from the analyst's setting, following the OS while it is 'system'. */
export function useTheme(): void {
  const loaded = useWorkspace((s) => s.info !== null);
  const choice = useWorkspace((s) => s.info?.settings.theme);
  useLayoutEffect(() => {
    if (!loaded) return;
    remember(choice ?? 'system');
    const query = darkQuery();
    const apply = () => applyTheme(choice);
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [loaded, choice]);
}
