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

/** Keeps data-theme on the root from the analyst's setting, following the OS while it is 'system'. */
export function useTheme(): void {
  const choice = useWorkspace((s) => s.info?.settings.theme);
  useLayoutEffect(() => {
    const query = darkQuery();
    const apply = () => applyTheme(choice);
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [choice]);
}
