import { describe, expect, it } from 'vitest';
import type { ActorEntity, ActorKind } from '../../../../src/core/actors/entity';
import { buildActorMatcher } from '../../../../src/core/actors/names/matcher';
import { MATCH_THRESHOLD, type MatchReason } from '../../../../src/core/actors/names/scores';

let next = 0;
function entity(name: string, kind: ActorKind = 'person', extra: Partial<ActorEntity> = {}): ActorEntity {
  return { id: `ent_${String(next++).padStart(3, '0')}`, name, kind, aliases: [], properties: {}, note: '', created: '', modified: '', ...extra };
}

const male = { properties: { gender: 'male' } };
const female = { properties: { Gender: 'Female' } };
const REGISTRY = [
  entity('Volodymyr Zelenskyy', 'person', male),
  entity('Olena Zelenska', 'person', female),
  entity('Vladimir Putin'),
  entity('Dmitry Peskov'),
  entity('Sergei Lavrov'),
  entity('Recep Tayyip Erdoğan'),
  entity('Donald Trump', 'person', male),
  entity('Donald Trump Jr.', 'person', male),
  entity('Eric Trump', 'person', male),
  entity('George W. Bush'),
  entity('Angela Merkel', 'person', female),
  entity('Bill Clinton', 'person', male),
  entity('Hillary Clinton', 'person', { ...female, aliases: ['Hillary Rodham Clinton'] }),
  entity('Valery Gerasimov'),
  entity('Mohammed bin Salman'),
  entity('Bashar al-Assad'),
  entity('John F. Kennedy'),
  entity('Pope Francis'),
  entity('Ursula von der Leyen'),
  entity('North Atlantic Treaty Organization', 'organisation'),
  entity('European Union', 'organisation'),
  entity('United Nations', 'organisation'),
  entity('Kremlin', 'organisation'),
  entity('World Health Organization', 'organisation'),
  entity('U.S. Department of State', 'organisation', { aliases: ['State Department'] }),
  entity('Gazprom', 'organisation'),
  entity('Gazprom Neft', 'organisation'),
  entity('Kyiv', 'place', { aliases: ['Kiev'] }),
  entity('Kim Jong Un'),
];
const matcher = buildActorMatcher(REGISTRY);
const byName = (name: string) => REGISTRY.find((e) => e.name === name)!.id;

/** [mention, entity it must be proposed as, the reason shown]. */
const PROPOSED: [string, string, MatchReason][] = [
  ['Vladimir Putin', 'Vladimir Putin', 'exact'],
  ['Hillary Rodham Clinton', 'Hillary Clinton', 'alias'],
  ['Kiev', 'Kyiv', 'alias'],
  // transliterations
  ['Zelensky', 'Volodymyr Zelenskyy', 'surname'],
  ['Zelenskiy', 'Volodymyr Zelenskyy', 'surname'],
  ['Selenskyj', 'Volodymyr Zelenskyy', 'surname'],
  ['Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'transliteration'],
  ['Wolodymyr Selenskyj', 'Volodymyr Zelenskyy', 'transliteration'],
  ['Sergey Lavrov', 'Sergei Lavrov', 'transliteration'],
  ['Dmitri Peskov', 'Dmitry Peskov', 'transliteration'],
  ['Dmitriy Peskov', 'Dmitry Peskov', 'transliteration'],
  ['Valeriy Gerasimov', 'Valery Gerasimov', 'transliteration'],
  ['Muhammad bin Salman', 'Mohammed bin Salman', 'transliteration'],
  ['Зеленский', 'Volodymyr Zelenskyy', 'surname'],
  // diacritics
  ['Recep Tayyip Erdogan', 'Recep Tayyip Erdoğan', 'diacritics'],
  ['Erdogan', 'Recep Tayyip Erdoğan', 'surname'],
  // titles and honorifics
  ['President Putin', 'Vladimir Putin', 'surname'],
  ['Russian President Vladimir Putin', 'Vladimir Putin', 'exact'],
  ['Mr. Putin', 'Vladimir Putin', 'surname'],
  ['Gen. Valery Gerasimov', 'Valery Gerasimov', 'exact'],
  ['Foreign Minister Sergei Lavrov', 'Sergei Lavrov', 'exact'],
  ['Kremlin spokesman Dmitry Peskov', 'Dmitry Peskov', 'exact'],
  ['Crown Prince Mohammed bin Salman', 'Mohammed bin Salman', 'exact'],
  ['Commission President Ursula von der Leyen', 'Ursula von der Leyen', 'exact'],
  ['von der Leyen', 'Ursula von der Leyen', 'surname'],
  ['Mr. Clinton', 'Bill Clinton', 'surname'],
  ['Mrs. Clinton', 'Hillary Clinton', 'surname'],
  ['Ms. Merkel', 'Angela Merkel', 'surname'],
  ['Francis', 'Pope Francis', 'exact'],
  // surname and first name alone, middle names and initials
  ['Peskov', 'Dmitry Peskov', 'surname'],
  ['Gerasimov', 'Valery Gerasimov', 'surname'],
  ['Olena', 'Olena Zelenska', 'first name'],
  // The first name of Donald Trump and of Donald Trump Jr.: the one without a suffix is meant.
  ['Donald', 'Donald Trump', 'first name'],
  ['Zelenska', 'Olena Zelenska', 'surname'],
  ['Tayyip Erdogan', 'Recep Tayyip Erdoğan', 'middle name'],
  ['George Bush', 'George W. Bush', 'middle name'],
  ['George Walker Bush', 'George W. Bush', 'initials'],
  ['Vladimir V. Putin', 'Vladimir Putin', 'middle name'],
  ['JFK', 'John F. Kennedy', 'initials'],
  ['Bashar Assad', 'Bashar al-Assad', 'transliteration'],
  // possessives, a leading "the", acronyms
  ['Putin’s', 'Vladimir Putin', 'surname'],
  ["NATO's", 'North Atlantic Treaty Organization', 'acronym'],
  ['NATO', 'North Atlantic Treaty Organization', 'acronym'],
  ['Nato', 'North Atlantic Treaty Organization', 'acronym'],
  ['the EU', 'European Union', 'acronym'],
  ['U.N.', 'United Nations', 'acronym'],
  ['WHO', 'World Health Organization', 'acronym'],
  ['the Kremlin', 'Kremlin', 'exact'],
  ["the Kremlin's", 'Kremlin', 'exact'],
  ['the State Department', 'U.S. Department of State', 'alias'],
  ['the U.S. State Department', 'U.S. Department of State', 'word order'],
  ['Gazprom Neft', 'Gazprom Neft', 'exact'],
  // spans as analysts really tag them (PolNeAR)
  ['Wilcox, an Orlando Republican', 'Wilcox', 'exact'],
];

describe('the name matcher proposes the entity a name most likely is', () => {
  const withWilcox = buildActorMatcher([...REGISTRY, entity('Wilcox')]);
  it.each(PROPOSED)('%s → %s (%s)', (mention, name, reason) => {
    const result = (name === 'Wilcox' ? withWilcox : matcher).match(mention);
    expect(result.match, JSON.stringify(result.candidates)).not.toBeNull();
    expect(result.match!.name).toBe(name);
    expect(result.match!.reason).toBe(reason);
    expect(result.match!.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(result.match!.score).toBeLessThanOrEqual(1);
  });
});

/** [mention, entity it must never be proposed as]: different people who share a name part. */
const NEVER: [string, string][] = [
  ['Donald Trump', 'Donald Trump Jr.'],
  ['Donald Trump Jr.', 'Donald Trump'],
  ['Trump Jr.', 'Donald Trump'],
  ['Eric Trump', 'Donald Trump'],
  ['Donald Trump', 'Eric Trump'],
  ['Olena Zelenska', 'Volodymyr Zelenskyy'],
  ['Zelenska', 'Volodymyr Zelenskyy'],
  ['Volodymyr Zelenskyy', 'Olena Zelenska'],
  ['Zelenskyy', 'Olena Zelenska'],
  ['Mrs. Zelenska', 'Volodymyr Zelenskyy'],
  ['Mr. Clinton', 'Hillary Clinton'],
  ['Mrs. Clinton', 'Bill Clinton'],
  ['George H. W. Bush', 'George W. Bush'],
  ['Gazprom', 'Gazprom Neft'],
  ['UN', 'Kim Jong Un'],
];

describe('the name matcher keeps different people apart', () => {
  it.each(NEVER)('%s is never %s', (mention, name) => {
    const result = matcher.match(mention);
    expect(result.match?.name).not.toBe(name);
  });

  it.each([
    // One surname, several registered people: nothing is proposed until the article says which.
    ['Trump', ['Donald Trump', 'Eric Trump']],
    ['Clinton', ['Bill Clinton', 'Hillary Clinton']],
  ])('%s is ambiguous: no proposal, the candidates listed', (mention, names) => {
    const result = matcher.match(mention);
    expect(result.match).toBeNull();
    expect(
      result.candidates
        .slice(0, names.length)
        .map((c) => c.name)
        .sort(),
    ).toEqual([...names].sort());
    expect(result.candidates[0]!.reasons).toContain('ambiguous');
  });

  it('lets the article settle a tie: the entity already linked there wins', () => {
    const result = matcher.match('Trump', { context: new Set([byName('Eric Trump')]) });
    expect(result.match).toMatchObject({ name: 'Eric Trump', reason: 'surname', reasons: ['surname', 'context'] });
    expect(result.candidates[1]!.score).toBeLessThan(MATCH_THRESHOLD);
    // Context never overrides a full name.
    expect(matcher.match('Donald Trump', { context: new Set([byName('Eric Trump')]) }).match!.name).toBe('Donald Trump');
  });

  it.each([
    'he',
    'They',
    'the president',
    'Kremlin spokesman',
    'a Kremlin source',
    'NATO allies',
    'Putin’s government',
    'Trump’s son',
    'the Clintons',
    'Barron Trump',
    'Lyudmila Putina',
    'Dmitry Medvedev',
    'Sergei Skripal',
    'Alexandra Navalny',
    '',
  ])('%s names no registered entity: nothing is proposed', (mention) => {
    expect(matcher.match(mention).match).toBeNull();
  });
});

describe('the matcher as the app and the CLI use it', () => {
  it('returns candidates best first, up to the limit, scores in [0, 1]', () => {
    const result = matcher.match('Zelensky', { limit: 2 });
    expect(result.name).toBe('Zelensky');
    expect(result.candidates.length).toBeLessThanOrEqual(2);
    const all = matcher.match('Clinton', { limit: 100 }).candidates;
    for (const [i, c] of all.entries()) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(c.score).toBeLessThanOrEqual(all[i - 1]!.score);
    }
    expect(matcher.match('Zelensky', { threshold: 0.99 }).match).toBeNull();
    expect(matcher.match('Zelensky').match).toMatchObject({ id: byName('Volodymyr Zelenskyy'), kind: 'person', matched: 'Volodymyr Zelenskyy' });
  });

  it('follows registry edits entity by entity, as a rebuild would', () => {
    const live = buildActorMatcher(REGISTRY);
    const zelenskyy = REGISTRY[0]!;
    live.put({ ...zelenskyy, aliases: ['Green Man'] });
    expect(live.match('Green Man').match).toMatchObject({ id: zelenskyy.id, reason: 'alias' });
    live.put(zelenskyy);
    expect(live.match('Green Man').match).toBeNull();
    live.delete(byName('Eric Trump'));
    expect(live.size).toBe(REGISTRY.length - 1);
    expect(live.match('Trump').match?.name).toBe('Donald Trump');
    const fresh = buildActorMatcher(REGISTRY.filter((e) => e.name !== 'Eric Trump'));
    for (const [mention] of PROPOSED) expect(live.match(mention)).toEqual(fresh.match(mention));
  });

  it('reads only the start of a huge span (a paragraph tagged as an actor), and quickly', () => {
    const paragraph = `Vladimir Putin ${'said that the talks would go on and '.repeat(30_000)}`;
    const t0 = performance.now();
    expect(matcher.match(paragraph).match).toBeNull();
    // A gross guard (it takes about a millisecond), not a benchmark.
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(matcher.match('Vladimir Putin, who '.concat('x'.repeat(1_000_000))).match?.name).toBe('Vladimir Putin');
  });

  it('reads a registered name written surname first', () => {
    const inverted = buildActorMatcher([entity('Putin, Vladimir')]);
    expect(inverted.match('Vladimir Putin').match?.reason).toBe('exact');
    expect(inverted.match('Putin').match?.reason).toBe('surname');
  });
});
