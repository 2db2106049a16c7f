import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  matches,
  RESERVED_LABEL_KEYS,
  REVIEW_KEYS,
  SHORTCUTS,
  shortcutFor,
  shortcutsMarkdown,
  type KeyPress,
} from '../../../../src/renderer/commands/shortcuts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the shortcut list', () => {
  it('maps the keys analysts expect to the right commands, on every platform', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }), false)?.id).toBe('undo');
    expect(shortcutFor(press('z', { metaKey: true }), true)?.id).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }), false)?.id).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }), false)?.id).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }), true)?.id).toBe('redo');
    expect(shortcutFor(press('f', { ctrlKey: true }), false)?.id).toBe('find');
    expect(shortcutFor(press('F', { ctrlKey: true, shiftKey: true }), false)?.id).toBe('search');
    expect(shortcutFor(press('?', { shiftKey: true }), false)?.id).toBe('help');
    expect(shortcutFor(press('j'), false)?.id).toBe('next');
    expect(shortcutFor(press('ArrowRight', { ctrlKey: true }), false)?.id).toBe('move-word');
    expect(shortcutFor(press('ArrowRight', { altKey: true }), true)?.id).toBe('move-word');
    expect(shortcutFor(press('ArrowLeft', { ctrlKey: true, shiftKey: true }), false)?.id).toBe('extend-word');
    expect(shortcutFor(press('ArrowDown', { shiftKey: true }), false)?.id).toBe('extend-line');
    // Alt+Shift+arrows adjust the selected annotation's boundaries (issue 14), on every platform.
    for (const isMac of [false, true]) {
      expect(shortcutFor(press('ArrowRight', { altKey: true, shiftKey: true }), isMac)?.id).toBe('boundary-end');
      expect(shortcutFor(press('ArrowLeft', { altKey: true, shiftKey: true }), isMac)?.id).toBe('boundary-end');
      expect(shortcutFor(press('ArrowUp', { altKey: true, shiftKey: true }), isMac)?.id).toBe('boundary-start');
      expect(shortcutFor(press('ArrowDown', { altKey: true, shiftKey: true }), isMac)?.id).toBe('boundary-start');
    }
    // A plain letter with Ctrl is not the plain-letter shortcut (Ctrl+J must not jump).
    expect(shortcutFor(press('j', { ctrlKey: true }), false)).toBeUndefined();
    // Label keys are data, not in the list: '1' matches nothing here.
    expect(shortcutFor(press('1'), false)).toBeUndefined();
  });

  it('has no key press that means two things', () => {
    const keys = [
      'a',
      'e',
      'f',
      'j',
      'k',
      'l',
      'n',
      'y',
      'z',
      ',',
      '?',
      'Enter',
      'Escape',
      'Delete',
      'Backspace',
      'ArrowLeft',
      'ArrowRight',
      'ArrowUp',
      'ArrowDown',
      'Home',
      'End',
    ];
    for (const isMac of [false, true]) {
      for (const key of keys) {
        for (let m = 0; m < 16; m++) {
          const e = press(key, { ctrlKey: !!(m & 1), metaKey: !!(m & 2), altKey: !!(m & 4), shiftKey: !!(m & 8) });
          const meaning = SHORTCUTS.filter((s) => s.chords?.some((c) => matches(c, e, isMac))).map((s) => s.id);
          expect(meaning.length, `${JSON.stringify(e)} means ${meaning.join(' and ')}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('keeps label keys off the editor’s own single-key shortcuts, and digits free for labels', () => {
    expect(RESERVED_LABEL_KEYS).toEqual(expect.arrayContaining(['f', 'j', 'k', 'e', 'n', 'l', '?']));
    for (const digit of '1234567890') expect(RESERVED_LABEL_KEYS).not.toContain(digit);
    // The suggestion keys are Shift+letter: a label saved with key s, a, r or y keeps its key.
    for (const letter of 'sary') expect(RESERVED_LABEL_KEYS).not.toContain(letter);
    expect(shortcutFor(press('J', { shiftKey: true }), false)?.id).toBe('next-suggestion');
    expect(shortcutFor(press('j'), false)?.id).toBe('next');
  });

  it('is in the README, every key and every description (paste shortcutsMarkdown() there)', () => {
    const readme = readFileSync(resolve(__dirname, '../../../../README.md'), 'utf8');
    const missing = [
      ...SHORTCUTS.filter((s) => !readme.includes(s.description) || s.keys.some((k) => !readme.includes(`\`${k}\``))).map((s) => s.id),
      ...REVIEW_KEYS.filter((k) => !readme.includes(`| \`${k.keys}\` | ${k.what} |`)).map((k) => `review ${k.keys}`),
    ];
    expect(missing, `README.md lacks these shortcuts; paste this table into it:\n${shortcutsMarkdown()}`).toEqual([]);
  });
});
