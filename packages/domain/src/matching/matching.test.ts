import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../person-record/person-record.schema';
import { blockingKeys, birthYearWindow, trigramTexts } from './blocking.keys';
import { findDuplicates, linkRecords } from './link.engine';
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
});

describe('blocking', () => {
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
});
