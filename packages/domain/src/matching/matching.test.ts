import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../person-record/person-record.schema';
import { blockingKeys, birthYearWindow, trigramTexts } from './blocking.keys';
import { LinkEngine, competeForLeft, estimateMatchRate, findDuplicates, linkRecords, rowProbabilities } from './link.engine';
import type { ScoredCandidates } from './link.engine';
import { BlockingIndex } from './blocking.keys';
import { DEFAULT_MATCH_PARAMETERS, MATCH_FIELDS } from './match.model';
import { estimateM, estimateU, refineWithDecisions } from './match.train';
import { compareNameKeys, comparePersons } from './pair.compare';
import { MatchScorer, termFrequencies } from './pair.score';
import { NameKeyCache, personFeatures } from './person.features';
import { jaroWinkler, trigramSimilarity, withinOneEdit } from './string.similarity';

const cache = new NameKeyCache();
const features = (r: PersonRecord) => personFeatures(r, cache);

/** Synthetic people only. */
const found: PersonRecord = {
  id: 'IQ-1',
  sex: 'F',
  names: [
    { given: 'خديجة', father: 'رؤوف', grandfather: 'قلي', script: 'Arab', kind: 'official' },
    { full: 'Khadija Rauf', kind: 'reported' },
  ],
  birth: { estimated_age: { years: 2, on: '2017-09-10' }, country: 'IQ' },
  father: { kunya: 'Abu Muhammad al-Azeri' },
  mother: { names: [{ given: 'Aysel' }] },
};
const sought: PersonRecord = {
  id: 'TR-1',
  sex: 'F',
  names: [{ given: 'Xədicə', family: 'Quliyeva', father: 'Rauf qızı', kind: 'reported' }],
  birth: { date: '2015' },
  father: { names: [{ given: 'Rauf', family: 'Quliyev' }] },
  mother: { names: [{ given: 'Aysel', family: 'Məmmədova' }] },
  origin: { country: 'AZ', district: 'Sumqayıt' },
  departed_home: '2014-06',
};
const sister: PersonRecord = {
  ...sought,
  id: 'TR-2',
  names: [{ given: 'Zəhra', family: 'Quliyeva', kind: 'reported' }],
  birth: { date: '2009-04-02', country: 'AZ' },
};
const cyrillicRequest: PersonRecord = {
  id: 'TR-3',
  sex: 'F',
  names: [{ full: 'Кулиева Хадиджа Рауфовна', script: 'Cyrl' }],
  father: { names: [{ given: 'Рауф', family: 'Кулиев' }] },
};

describe('string similarity', () => {
  it('behaves on names', () => {
    expect(jaroWinkler('katija', 'katija')).toBe(1);
    expect(jaroWinkler('katija', 'ktija')).toBeGreaterThan(0.85);
    expect(withinOneEdit('ktj', 'ktr')).toBe(true);
    expect(withinOneEdit('ktj', 'mkmt')).toBe(false);
    expect(trigramSimilarity('kuli', 'kuli')).toBe(1);
  });
});

describe('features', () => {
  it('collects names from every convention', () => {
    const f = features(found);
    expect(f.given.map((k) => k.canon)).toContain('xədicə');
    expect(f.father.map((k) => k.canon)).toContain('rauf');
    expect(f.grandfather.map((k) => k.canon)).toContain('quli');
    expect(f.fatherKunya.map((k) => k.canon)).toEqual(['məhəmməd']);
    expect(f.country).toBe('AZ');
    expect(f.bornAbroad).toBe(true);
    const c = features(cyrillicRequest);
    expect(c.family.map((k) => k.canon)).toEqual(['quli']);
    expect(c.father.map((k) => k.canon)).toEqual(['rauf']);
  });
  it('keeps the precision of a birth date', () => {
    const f = features(sought);
    expect(f.birth).toMatchObject({ lo: 2015, hi: 2016, exact: false });
    expect(birthYearWindow(f)).toEqual([2013, 2018]);
  });
});

describe('comparison and scoring', () => {
  const scorer = new MatchScorer(DEFAULT_MATCH_PARAMETERS, null, 1000);

  it('matches the same child across Arabic and Azerbaijani records, and explains why', () => {
    const s = scorer.score(features(found), features(sought));
    const why = Object.fromEntries(s.why);
    expect(why['given']).toBeGreaterThan(3);
    expect(why['father']).toBeGreaterThan(3);
    expect(why['grandfather']).toBeGreaterThan(0);
    expect(s.band).toBe('match');
  });

  it('ranks the sister far below', () => {
    expect(scorer.score(features(found), features(sister)).weight).toBeLessThan(
      scorer.score(features(found), features(sought)).weight - 10,
    );
  });

  it('compares origins: one district spelled two ways, two districts, a district against a country alone', () => {
    const at = MATCH_FIELDS.indexOf('origin');
    const from = (id: string, origin: PersonRecord['origin']): PersonRecord => ({ id, names: [{ given: 'Elvin' }], ...(origin ? { origin } : {}) });
    const baki = features(from('O-1', { country: 'AZ', district: 'Bakı' }));
    expect(comparePersons(baki, features(from('O-2', { country: 'AZ', district: 'Baku' })))[at]).toBe(0);
    expect(comparePersons(baki, features(from('O-3', { country: 'AZ', district: 'Sheki' })))[at]).toBe(1);
    expect(comparePersons(baki, features(from('O-4', { country: 'AZ' })))[at]).toBe(-1);
    expect(comparePersons(baki, features(from('O-5', { country: 'IQ' })))[at]).toBe(2);
  });

  it('allows an estimated age a year of slack against the departure', () => {
    const at = MATCH_FIELDS.indexOf('departure');
    const foundChild: PersonRecord = {
      id: 'D-1',
      names: [{ given: 'Fatimə' }],
      birth: { estimated_age: { years: 4, on: '2019-10-03' }, country: 'IQ' },
      origin: { country: 'AZ' },
    };
    const request: PersonRecord = { id: 'D-2', names: [{ given: 'Fatimə' }], origin: { country: 'AZ' }, departed_home: '2016-04' };
    expect(comparePersons(features(foundChild), features(request))[at]).toBe(0);
    const bornAtHome: PersonRecord = { ...request, id: 'D-3', birth: { date: '2015-02-01', country: 'AZ' } };
    expect(comparePersons(features(foundChild), features(bornAtHome))[at]).toBe(1);
  });

  it('refuses a phonetic match between two known, different names', () => {
    const a = cache.key('Həsən', 'given');
    const b = cache.key('حسين', 'given');
    expect(a && b && compareNameKeys(a, b)).toBe(3);
  });

  const nameArb = fc.constantFrom('Xədicə', 'Khadija', 'خديجة', 'Fatimə', 'Фатима', 'Rauf', 'Раув', 'Əli', 'Elvin', 'Tural');
  const recordArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    sex: fc.constantFrom<'F' | 'M' | 'U'>('F', 'M', 'U'),
    names: fc.array(
      fc.record({ given: nameArb, father: nameArb, family: fc.constantFrom('Quliyev', 'Кулиева', 'Əliyev') }, { requiredKeys: [] }),
      { minLength: 1, maxLength: 2 },
    ),
    birth: fc.record({ date: fc.constantFrom('2014', '2015-03', '2016-01-02') }),
    mother: fc.record({ names: fc.array(fc.record({ given: nameArb }), { maxLength: 1 }) }),
  }) as fc.Arbitrary<PersonRecord>;

  it('is symmetric: compare(a, b) = compare(b, a) and the weights agree', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const fa = features(a);
        const fb = features(b);
        expect([...comparePersons(fa, fb)]).toEqual([...comparePersons(fb, fa)]);
        expect(scorer.score(fa, fb).weight).toBeCloseTo(scorer.score(fb, fa).weight, 9);
      }),
      { numRuns: 200 },
    );
  });

  const arabicArb = fc.constantFrom('خديجة', 'روشن', 'زاور', 'فاطمة', 'عبد الله', 'كولجين');
  const mixedArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    sex: fc.constantFrom<'F' | 'M' | 'U'>('F', 'M', 'U'),
    names: fc.array(
      fc.record({ given: fc.oneof(nameArb, arabicArb, fc.constantFrom('Rövşən', 'Zaur', 'Gülçin', 'Пярвана', 'Gyulnara')), father: fc.oneof(nameArb, arabicArb) }, { requiredKeys: [] }),
      { minLength: 1, maxLength: 2 },
    ),
    birth: fc.oneof(fc.record({ date: fc.constantFrom('2014', '2015-03', '2016-01-02') }), fc.record({ estimated_age: fc.record({ years: fc.integer({ min: 0, max: 12 }), on: fc.constant('2019-06-01') }) })),
    father: fc.record({ kunya: fc.constantFrom('Abu Muhammad al-Azeri', 'أبو عمر الأذري') }, { requiredKeys: [] }),
  }) as fc.Arbitrary<PersonRecord>;

  it('is symmetric across scripts, kunyas and estimated ages', () => {
    fc.assert(
      fc.property(mixedArb, mixedArb, (a, b) => {
        const fa = features(a);
        const fb = features(b);
        expect([...comparePersons(fa, fb)]).toEqual([...comparePersons(fb, fa)]);
        expect(scorer.score(fa, fb).weight).toBeCloseTo(scorer.score(fb, fa).weight, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same suggestions whatever the order of the registry', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 12 }), fc.array(recordArb, { minLength: 1, maxLength: 4 }), (left, right) => {
        const ids = left.map((r, i) => ({ ...r, id: `L${i}` }));
        const rights = right.map((r, i) => ({ ...r, id: `R${i}` }));
        const key = (s: { left: string; right: string; score: number }) => `${s.right}>${s.left}:${s.score}`;
        const forward = linkRecords(ids, rights, { top: 50 }).map(key).sort();
        const backward = linkRecords([...ids].reverse(), rights, { top: 50 }).map(key).sort();
        expect(backward).toEqual(forward);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same suggestions whatever the order of the records sought (they compete for the registry)', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 10 }), fc.array(recordArb, { minLength: 2, maxLength: 8 }), fc.nat(), (left, right, seed) => {
        const ids = left.map((r, i) => ({ ...r, id: `L${i}` }));
        const rights = right.map((r, i) => ({ ...r, id: `R${i}` }));
        const shuffled = [...rights].sort((x, y) => ((x.id.charCodeAt(1) * 7919 + seed) % 13) - ((y.id.charCodeAt(1) * 7919 + seed) % 13));
        const key = (s: { left: string; right: string; score: number; band: string }) => `${s.right}>${s.left}:${s.score}:${s.band}`;
        const forward = linkRecords(ids, rights, { top: 50 }).map(key).sort();
        const backward = linkRecords([...ids].reverse(), shuffled, { top: 50 }).map(key).sort();
        expect(backward).toEqual(forward);
      }),
      { numRuns: 60 },
    );
  });
});

describe('linking lists of distinct people', () => {
  const child = (id: string, given: string, year: string): PersonRecord => ({
    id,
    sex: 'F',
    names: [{ given, family: 'Quliyeva', kind: 'reported' }],
    birth: { date: year },
    father: { names: [{ given: 'Rauf', family: 'Quliyev' }] },
    mother: { names: [{ given: 'Aysel' }] },
  });
  const foundChild: PersonRecord = {
    id: 'IQ-7',
    sex: 'F',
    names: [{ given: 'خديجة', father: 'رؤوف', grandfather: 'قلي', script: 'Arab' }],
    birth: { estimated_age: { years: 4, on: '2019-06-01' } },
    mother: { names: [{ given: 'أيسل' }] },
  };

  it('proposes a child found once for the sibling who is that child, not for all of them', () => {
    const sought = [child('TR-A', 'Xədicə', '2015'), child('TR-B', 'Zəhra', '2015'), child('TR-C', 'Fatimə', '2014')];
    const out = linkRecords([foundChild], sought);
    expect(out.filter((s) => s.band === 'match').map((s) => s.right)).toEqual(['TR-A']);
    const alone = linkRecords([foundChild], sought, { exclusive: false });
    expect(alone.find((s) => s.right === 'TR-A')?.band).toBe('match');
  });

  it('lets two relatives’ requests for one child both find it (same name, same birth: no competition)', () => {
    const twice = [child('TR-A', 'Xədicə', '2015'), { ...child('TR-A2', 'Khadija', '2015'), names: [{ full: 'Khadija Rauf qizi Quliyeva' }] }];
    const out = linkRecords([foundChild], twice);
    expect(out.filter((s) => s.band === 'match').map((s) => s.right).sort()).toEqual(['TR-A', 'TR-A2']);
  });

  it('shares the prior between "this candidate" and "none of them"', () => {
    const row: ScoredCandidates = { right: 'R', candidates: [{ ref: 0, left: 'L', odds: 1 }], weights: new Float32Array(10), rest: 0, identity: { given: [], birth: null } };
    expect(rowProbabilities(row, { scale: 1, none: 0.5 })[0]).toBeCloseTo(2 / 3, 9);
    expect(rowProbabilities(row, { scale: 1, none: 1 })[0]).toBeCloseTo(0.5, 9);
    expect(competeForLeft([row], { none: 0.5 })[0]?.[0]).toBeCloseTo(2 / 3, 9);
  });

  it('estimates the share of records that have a match from the scores', () => {
    const strong = (i: number): ScoredCandidates => ({ right: `S${i}`, candidates: [{ ref: i, left: `L${i}`, odds: 1000 }], weights: new Float32Array(10), rest: 0, identity: { given: [], birth: null } });
    const none = (i: number): ScoredCandidates => ({ right: `N${i}`, candidates: [], weights: new Float32Array(0), rest: 0.001, identity: { given: [], birth: null } });
    const rows = [...Array.from({ length: 300 }, (_, i) => strong(i)), ...Array.from({ length: 700 }, (_, i) => none(i))];
    const { rate } = estimateMatchRate(rows, 0.5);
    expect(rate).toBeGreaterThan(0.25);
    expect(rate).toBeLessThan(0.35);
  });
});

describe('blocking', () => {
  it('finds a record whose names were typed with a typo (one consonant of the skeleton)', () => {
    const index = new BlockingIndex();
    const registry: PersonRecord[] = [
      { id: 'F1', names: [{ given: 'Fərid', father: 'Əhməd' }], sex: 'M' },
      { id: 'F2', names: [{ given: 'Tural', father: 'Kamran' }], sex: 'M' },
    ];
    registry.forEach((r, i) => index.add(features(r), i));
    const query = features({ id: 'Q', names: [{ given: 'Fərid', father: 'Əhnəd' }] });
    expect(index.candidates(query)).toContain(0);
    expect(index.candidates(query)).not.toContain(1);
  });

  it('ranks the registry by shared evidence, less what the records show against each other', () => {
    const engine = new LinkEngine();
    const a: PersonRecord = { id: 'A', names: [{ given: 'Nərmin', family: 'Əliyeva' }], sex: 'F', birth: { date: '2012' } };
    const b: PersonRecord = { id: 'B', names: [{ given: 'Nərmin', family: 'Əliyeva' }], sex: 'M', birth: { date: '2001' } };
    engine.addLeft(b);
    engine.addLeft(a);
    const scores: number[] = [];
    const refs = engine.index.candidates(features({ id: 'Q', names: [{ given: 'Nərmin', family: 'Əliyeva' }], sex: 'F', birth: { date: '2012' } }), { maxCandidates: 1 }, scores);
    expect(refs).toEqual([1]);
  });

  it('puts the same child in a shared block across scripts, with SQL-ready keys', () => {
    const a = new Set(blockingKeys(features(found)));
    const shared = blockingKeys(features(sought)).filter((k) => a.has(k));
    expect(shared.length).toBeGreaterThan(0);
    expect(blockingKeys(features(cyrillicRequest)).some((k) => new Set(blockingKeys(features(sought))).has(k))).toBe(true);
    expect(trigramTexts(features(sought)).family).toEqual(['kuli']);
  });
});

describe('linking', () => {
  it('links records and bands them', () => {
    const out = linkRecords([found, sister], [sought, cyrillicRequest]);
    expect(out.find((s) => s.right === 'TR-1')).toMatchObject({ left: 'IQ-1', band: 'match' });
    expect(out.every((s) => s.score >= DEFAULT_MATCH_PARAMETERS.thresholds.review)).toBe(true);
  });

  it('finds duplicates within one set, each pair once', () => {
    const dup: PersonRecord = { ...sought, id: 'TR-9', names: [{ full: 'Khadija Rauf Quliyeva' }] };
    const out = findDuplicates([sought, sister, dup]);
    expect(out.filter((s) => s.left === 'TR-1' && s.right === 'TR-9')).toHaveLength(1);
    expect(out.some((s) => s.left === 'TR-9')).toBe(false);
  });
});

describe('training', () => {
  const registry = [found, sought, sister, cyrillicRequest].map(features);

  it('estimates u from random pairs as probabilities', () => {
    const params = estimateU(registry, DEFAULT_MATCH_PARAMETERS, { pairs: 200, seed: 3 });
    for (const field of MATCH_FIELDS) {
      expect(params.fields[field].u.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    }
  });

  it('estimates m by EM and refines it with reviewers’ decisions', () => {
    const vectors = [comparePersons(registry[0]!, registry[1]!), comparePersons(registry[0]!, registry[2]!)];
    const em = estimateM(vectors, DEFAULT_MATCH_PARAMETERS, { iterations: 5 });
    expect(em.fields.given.m.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    const refined = refineWithDecisions(DEFAULT_MATCH_PARAMETERS, [{ vector: vectors[0]!, confirmed: true }], { strength: 1 });
    expect(refined.fields.given.m[0]).toBeGreaterThan(DEFAULT_MATCH_PARAMETERS.fields.given.m[0]!);
    expect(refined.version).toContain('review1');
  });

  it('counts term frequencies for rare-name weighting', () => {
    const tf = termFrequencies(registry);
    expect(tf.total).toBe(4);
    // The found child has no surname, only the grandfather قلي of her triple name.
    expect(tf.counts.family.get('quli')).toBe(3);
  });

  it('weighs a name the registry spells another way by that spelling’s frequency, not as a unique name', () => {
    // The registry writes Elvin in Arabic script (الون, و read as a vowel or as v) a hundred times.
    const shelter = Array.from({ length: 100 }, (_, i): PersonRecord => ({
      id: `S-${i}`,
      names: [{ given: i % 2 ? 'علي' : 'حسن', father: 'الون', script: 'Arab' }],
    }));
    const features100 = shelter.map(features);
    const scorer = new MatchScorer(DEFAULT_MATCH_PARAMETERS, termFrequencies(features100), 100);
    const request = features({ id: 'R-1', names: [{ given: 'Əli', father: 'Elvin' }] });
    const father = Object.fromEntries(scorer.score(features100[1]!, request).why)['father'];
    expect(father).toBeLessThan(1);
  });
});
