import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FADE_AFTER_MS, MAX_KEPT, useMessages } from '../../../../src/renderer/state/messages';

const state = () => useMessages.getState();
const texts = () => state().messages.map((m) => m.text);

beforeEach(() => {
  vi.useFakeTimers();
  state().dismissAll();
});
afterEach(() => vi.useRealTimers());

describe('messages', () => {
  it('fades successes and reports after their time, and keeps errors until dismissed', () => {
    state().show('success', 'Imported 2 articles');
    state().show('info', 'Nothing to undo.');
    state().show('error', 'Your last change was not saved');
    state().show('warning', 'settings.json was damaged; its backup was restored');
    vi.advanceTimersByTime(FADE_AFTER_MS.success! + 1);
    expect(texts()).toEqual(['Nothing to undo.', 'Your last change was not saved', 'settings.json was damaged; its backup was restored']);
    vi.advanceTimersByTime(FADE_AFTER_MS.info!);
    expect(texts()).toEqual(['Your last change was not saved', 'settings.json was damaged; its backup was restored']);
    vi.advanceTimersByTime(10 * 60_000);
    expect(texts()).toHaveLength(2);
    state().dismissAll();
    expect(texts()).toEqual([]);
  });

  it('does not fade a message while it is held (the analyst is reading it), and fades it a full time after release', () => {
    state().show('success', 'Exported 5 articles');
    const id = state().messages.at(-1)!.id;
    vi.advanceTimersByTime(FADE_AFTER_MS.success! - 100);
    state().hold(id);
    vi.advanceTimersByTime(60_000);
    expect(texts()).toEqual(['Exported 5 articles']);
    state().release(id);
    vi.advanceTimersByTime(FADE_AFTER_MS.success! - 100);
    expect(texts()).toEqual(['Exported 5 articles']);
    vi.advanceTimersByTime(200);
    expect(texts()).toEqual([]);
  });

  it('counts a message repeated in a row instead of stacking copies, and restarts its fade', () => {
    state().show('error', 'Could not save');
    state().show('error', 'Could not save');
    state().show('error', 'Could not save', ['disk full']);
    expect(state().messages.map((m) => [m.text, m.repeats])).toEqual([
      ['Could not save', 2],
      ['Could not save', 1],
    ]);
    state().show('success', 'Saved');
    const id = state().messages.at(-1)!.id;
    vi.advanceTimersByTime(FADE_AFTER_MS.success! - 1000);
    state().show('success', 'Saved');
    expect(state().messages.at(-1)!.id).toBe(id);
    vi.advanceTimersByTime(2000);
    expect(state().messages.find((m) => m.id === id)?.repeats).toBe(2);
  });

  it('never drops an error to make room while other messages can go (older ones stay reachable)', () => {
    for (let i = 0; i < 5; i++) state().show('error', `error ${i}`);
    for (let i = 0; i < MAX_KEPT * 2; i++) {
      state().show('info', `report ${i}`);
      state().hold(state().messages.at(-1)!.id);
    }
    expect(state().messages).toHaveLength(MAX_KEPT);
    expect(texts().filter((t) => t.startsWith('error'))).toEqual(['error 0', 'error 1', 'error 2', 'error 3', 'error 4']);
    expect(texts().at(-1)).toBe(`report ${MAX_KEPT * 2 - 1}`);
  });
});
