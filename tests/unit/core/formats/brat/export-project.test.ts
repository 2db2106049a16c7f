import { describe, expect, it } from 'vitest';
import { parseBrat, serializeBrat } from '../../../../../src/core/formats';
import { serializeBratDoc, serializeBratProject } from '../../../../../src/core/formats/brat/serialize';
import type { ArticleDoc } from '../../../../../src/core/model/document';
import { defaultLabelSchema } from '../../../../../src/core/model/label-schema';
import { docsFromSet } from '../docs';

/** brat exports: a shared event trigger, visual.conf, <OVERLAP>, and a project of several annotators (issue 10). */
const text = 'Donald Trump met Volodymyr Zelenskyy in Kyiv.';
const span = (id: string, label: string, start: number, end: number, author = 'me') => ({
  id,
  label,
  fragments: [{ start, end }],
  quote: text.slice(start, end),
  prefix: '',
  suffix: '',
  attributes: {},
  note: '',
  author,
  created: '',
  modified: '',
});
const rel = (id: string, type: string, from: string, to: string, author = 'me') => ({ id, type, from, to, author, created: '', modified: '' });
const article = { id: 'a_1', title: 'Meeting', source: 'meeting.txt', importedAt: '', hash: '0'.repeat(64), text };

describe('brat export', () => {
  it('writes a trigger shared by two events once, and reads back as the same two events', () => {
    // brat's own files do this: two E lines on one T (here: two meetings on the word "met").
    const ann =
      'T1\tactor 0 12\tDonald Trump\nT2\tactor 17 36\tVolodymyr Zelenskyy\nT3\tevent 13 16\tmet\nE1\tevent:T3 participant:T1\nE2\tevent:T3 participant:T2\n';
    const parsed = parseBrat({ txt: text, ann, author: 'me', conf: '[entities]\nactor\n[events]\nevent\tparticipant:actor\n' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const doc = docsFromSet(parsed.value)[0]!;
    expect(doc.annotations.filter((a) => a.label === 'event')).toHaveLength(2);
    const out = serializeBratDoc(doc, defaultLabelSchema()).ann;
    const triggers = out.split('\n').filter((l) => /^T\d+\tevent 13 16\t/.test(l));
    expect(triggers).toHaveLength(1);
    const events = out.split('\n').filter((l) => l.startsWith('E'));
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => /:(T\d+)/.exec(e)![1]))).toEqual(new Set([triggers[0]!.split('\t')[0]]));
    const again = parseBrat({ txt: text, ann: out, author: 'me', conf: '[events]\nevent\tparticipant:actor\n' });
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.value.documents[0]!.annotations.filter((a) => a.label === 'event')).toHaveLength(2);
    expect(again.value.documents[0]!.relations).toHaveLength(2);
  });

  it('writes visual.conf with display names and colours, and <OVERLAP> only where spans cross', () => {
    const schema = defaultLabelSchema();
    const nested: ArticleDoc = { article, annotations: [span('q', 'quote', 0, 36), span('a', 'actor', 0, 12)], relations: [] };
    const files = serializeBrat([nested], schema).files;
    const visual = files.find((f) => f.path === 'visual.conf')!.content;
    const actor = schema.labels.find((l) => l.id === 'actor')!;
    expect(visual).toContain(`[labels]`);
    expect(visual).toContain(`actor | ${actor.name}`);
    expect(visual).toContain(`actor\tbgColor:${actor.color}`);
    expect(files.find((f) => f.path === 'annotation.conf')!.content).not.toContain('<OVERLAP>');
    const crossing: ArticleDoc = { article, annotations: [span('q', 'quote', 0, 20), span('c', 'claim', 13, 36)], relations: [] };
    expect(serializeBrat([crossing], schema).files.find((f) => f.path === 'annotation.conf')!.content).toContain(
      '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    );
  });

  it('writes one folder per annotator, never one merged .ann, with one configuration for all', () => {
    const doc: ArticleDoc = {
      article,
      annotations: [
        span('a1', 'actor', 0, 12),
        span('a2', 'actor', 17, 36),
        span('b1', 'actor', 0, 12, 'colleague'),
        span('b2', 'actor', 17, 36, 'colleague'),
        span('b3', 'actor', 17, 36, 'colleague'),
      ],
      relations: [rel('r', 'Cites', 'b1', 'b2', 'colleague')],
    };
    const out = serializeBratProject([doc], defaultLabelSchema(), [
      { author: 'me', folder: 'me' },
      { author: 'colleague', folder: 'colleague' },
    ]);
    expect(out.files.map((f) => f.path).sort()).toEqual([
      'annotation.conf',
      'colleague/meeting.ann',
      'colleague/meeting.txt',
      'me/meeting.ann',
      'me/meeting.txt',
      'visual.conf',
    ]);
    const lines = (path: string) =>
      out.files
        .find((f) => f.path === path)!
        .content.trim()
        .split('\n');
    expect(lines('me/meeting.ann').filter((l) => l.includes('Donald Trump'))).toHaveLength(1);
    expect(lines('colleague/meeting.ann').filter((l) => l.includes('Volodymyr Zelenskyy'))).toHaveLength(2);
    expect(lines('annotation.conf')).toContain('Cites\tArg1:actor, Arg2:actor');
  });
  it('writes a pair only for the articles a layer has: an annotator without one stays without it, as lede agree reads the project', () => {
    // The defect: every layer got every article, an empty .ann where it had none, so `lede agree` on
    // the export counted a document the annotator never did (PolNeAR: 10 documents compared became 11).
    const other = { ...article, id: 'a_2', title: 'Summit', source: 'summit.txt', hash: '1'.repeat(64) };
    const first: ArticleDoc = { article, annotations: [span('a1', 'actor', 0, 12), span('b1', 'actor', 0, 12, 'colleague')], relations: [] };
    const second: ArticleDoc = { article: other, annotations: [span('a2', 'actor', 17, 36)], relations: [] };
    const out = serializeBratProject([first, second], defaultLabelSchema(), [
      { author: 'me', folder: 'me' },
      { author: 'colleague', folder: 'colleague' },
    ]);
    expect(out.files.map((f) => f.path).sort()).toEqual([
      'annotation.conf',
      'colleague/meeting.ann',
      'colleague/meeting.txt',
      'me/meeting.ann',
      'me/meeting.txt',
      'me/summit.ann',
      'me/summit.txt',
      'visual.conf',
    ]);
    // One layer at the top (the own-layer export) still writes every article asked for.
    expect(serializeBrat([first, second], defaultLabelSchema(), { author: 'colleague' }).files.filter((f) => f.path.endsWith('.ann'))).toHaveLength(2);
  });
});
