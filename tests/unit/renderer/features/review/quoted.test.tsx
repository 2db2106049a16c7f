import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Quoted } from '../../../../../src/renderer/features/review/Quoted';

const html = (text: string) => renderToStaticMarkup(createElement(Quoted, { text }));

describe('Quoted', () => {
  it('lets a passage that brings its own quotation marks keep them alone (no doubled marks)', () => {
    expect(html('“I don’t know that they’ll meet,”')).toBe('<q class="own-marks">“I don’t know that they’ll meet,”</q>');
    expect(html('„Wir schaffen das“')).toContain('own-marks');
    expect(html('«Non»')).toContain('own-marks');
  });

  it('quotes a plain passage, and one that only starts with a mark', () => {
    expect(html('Vladimir Putin')).toBe('<q>Vladimir Putin</q>');
    expect(html('“Maybe they will')).toBe('<q>“Maybe they will</q>');
  });
});
