import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOWS } from '@homeward/domain';
import { createTestApp } from '../../../test/test-app';
import { DemoScenario, peopleForSize, type DemoPerson } from './demo-data.generator';
import { batchTransactions, loadDemoData } from './demo-data.loader';
import { SURNAME_STEMS } from './demo-data.names';

const TODAY = '2026-11-02';
const peopleOf = (seed: number, people: number) => [...new DemoScenario({ seed, people, today: TODAY }).families()].flatMap((f) => f.members);

describe('demo data generator', () => {
  it('gives the same people for the same seed, and others for another seed', () => {
    const a = [...new DemoScenario({ seed: 42, people: 300, today: TODAY }).families()];
    const b = [...new DemoScenario({ seed: 42, people: 300, today: TODAY }).families()];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(peopleOf(43, 300).map((p) => p.names))).not.toBe(JSON.stringify(a.flatMap((f) => f.members).map((p) => p.names)));
    expect(a.flatMap((f) => f.members)).toHaveLength(300);
  });

  it('yields the promised variety', () => {
    const scenario = new DemoScenario({ seed: 7, people: 3000, today: TODAY });
    const families = [...scenario.families()];
    const people = families.flatMap((f) => f.members);
    const children = people.filter((p) => p.role === 'child');
    const scripts = new Set(people.flatMap((p) => p.names.map((n) => n.script)));
    expect([...scripts].sort()).toEqual(['Arab', 'Cyrl', 'Latn']);
    // Children born before departure: Latin names and a birth date; born abroad: Arabic triple names, estimated ages only.
    const before = children.filter((c) => !c.bornAbroad && c.birth?.date);
    const abroad = children.filter((c) => c.bornAbroad && c.birth?.estimatedAge && !c.birth.date);
    expect(before.length).toBeGreaterThan(200);
    expect(abroad.length).toBeGreaterThan(200);
    expect(abroad.some((c) => c.names.some((n) => n.script === 'Arab' && n.given && n.father && n.grandfather))).toBe(true);
    expect(abroad.some((c) => c.names.some((n) => n.script === 'Cyrl')) && abroad.some((c) => c.names.some((n) => n.source === 'ngo_list'))).toBe(true);
    const fathers = people.filter((p) => p.role === 'father');
    expect(fathers.every((f) => f.names.some((n) => n.kind === 'kunya' && /^Abu \S+ al-Azeri$/.test(n.full ?? '')))).toBe(true);
    expect(fathers.filter((f) => f.vitalStatus !== 'alive').length / fathers.length).toBeGreaterThan(0.7);
    const mothers = people.filter((p) => p.role === 'mother');
    expect(mothers.some((m) => m.attributes.some((a) => a.category === 'legal_detention' && ['detained', 'charged', 'sentenced'].includes(String(a.value))))).toBe(true);
    expect(mothers.some((m) => m.placement?.placeKey.startsWith('prison'))).toBe(true);
    expect(families.some((f) => f.orphaned && f.members.some((m) => m.case?.flags.includes('orphan')))).toBe(true);
    expect(families.some((f) => f.label === 'Found alone')).toBe(true);
    expect(new Set(scenario.places.map((p) => p.kind))).toEqual(new Set(['shelter', 'orphanage', 'camp', 'prison', 'hospital', 'embassy_residence']));
    const stages = new Set(people.flatMap((p) => (p.case ? [p.case.path.at(-1)!.stage] : [])));
    const known = new Set([...DEFAULT_WORKFLOWS.child.stages, ...DEFAULT_WORKFLOWS.adult.stages].map((s) => s.code));
    expect([...stages].every((s) => known.has(s))).toBe(true);
    expect(stages.size).toBeGreaterThanOrEqual(10);
    const tasks = people.flatMap((p) => p.case?.tasks ?? []).filter((t) => t.status === 'open');
    expect(tasks.some((t) => t.dueOn < TODAY) && tasks.some((t) => t.dueOn > TODAY)).toBe(true);
    expect(people.some((p) => p.sharedWith === 'ICRC') && people.some((p) => p.sharedWith === 'Receiving agency (home)')).toBe(true);
  });

  it('composes surnames from invented stems only', () => {
    const surnames = peopleOf(3, 500).flatMap((p: DemoPerson) => p.names.filter((n) => n.script === 'Latn' && n.family).map((n) => n.family!));
    expect(surnames.length).toBeGreaterThan(100);
    for (const s of surnames) expect(SURNAME_STEMS.some((stem) => new RegExp(`^${stem}(y?ev|ov)a?$`).test(s)), s).toBe(true);
  });

  it('reads sizes by name or number', () => {
    expect([peopleForSize('small'), peopleForSize('medium'), peopleForSize('large'), peopleForSize('2500')]).toEqual([150, 10_000, 1_000_000, 2500]);
    expect(() => peopleForSize('huge')).toThrow(/small, medium, large/);
  });
});

describe('demo data loader', () => {
  it('seeds the first start with a small scenario and the demo users partner roles can see', async () => {
    const t = await createTestApp({ demo: 'on' });
    try {
      const db = t.database.db;
      const count = async (table: 'people' | 'cases' | 'places' | 'users') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      expect(await count('people')).toBe(150);
      expect(await count('users')).toBe(9);
      expect(await count('places')).toBeGreaterThanOrEqual(9);
      expect(await count('cases')).toBeGreaterThan(80);
      const shares = await db.selectFrom('person_shares').select('organisation').distinct().execute();
      expect(shares.map((s) => s.organisation).sort()).toEqual(['ICRC', 'Receiving agency (home)']);
      const liaison = await db.selectFrom('person_assignments').innerJoin('users', 'users.id', 'person_assignments.user_id').select('users.username').where('users.username', '=', 'demo.liaison').execute();
      expect(liaison.length).toBeGreaterThan(0);
      const overdue = await db.selectFrom('tasks').select('id').where('status', '=', 'open').where('due_on', '<', new Date().toISOString().slice(0, 10)).where('assignee_id', 'is not', null).execute();
      expect(overdue.length).toBeGreaterThan(0);
      expect(await db.selectFrom('settings').select('value').where('key', '=', 'demo_mode').executeTakeFirst()).toEqual({ value: true });

      const more = await loadDemoData(batchTransactions(db), { seed: 9, people: 400, missionId: t.app.homeward.missionId });
      expect(more).toMatchObject({ people: 400, sourceSystem: 'demo-9' });
      expect(await count('people')).toBe(550);
      await expect(loadDemoData(batchTransactions(db), { seed: 9, people: 10, missionId: t.app.homeward.missionId })).rejects.toThrow(/already loaded/);
    } finally {
      await t.close();
    }
  });
});
