import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';
import { readWindowStateFile, writeWindowStateFile } from '../services/window-state-file';

const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
type WindowState = z.infer<typeof WindowStateSchema>;

const DEFAULT_SIZE = { width: 1280, height: 860 };

/** Where the window was last time, if that place is still on one of the screens. */
export function loadWindowState(userData: string): Partial<WindowState> {
  // No saved state yet, or unreadable: start with the default size.
  const parsed = WindowStateSchema.safeParse(readWindowStateFile(userData));
  if (parsed.success && isVisible(parsed.data)) return parsed.data;
  return { ...DEFAULT_SIZE, maximized: false };
}

/** Saves the window's bounds whenever it is moved or resized (debounced) and when it closes. */
export function trackWindowState(window: BrowserWindow, userData: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    try {
      writeWindowStateFile(userData, state);
    } catch (error) {
      console.warn('[lede] could not remember the window position:', error);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

function isVisible(bounds: Rectangle): boolean {
  return screen
    .getAllDisplays()
    .some(
      ({ workArea: area }) =>
        bounds.x < area.x + area.width && bounds.x + bounds.width > area.x && bounds.y < area.y + area.height && bounds.y + bounds.height > area.y,
    );
}
