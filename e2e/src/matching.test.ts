import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../apps/server/test/test-app';
import { buildTracingRequest } from '../../apps/server/test/matching-factories';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { chooseLanguage, field, setUpJourneys, signIn } from './support/journey';

/**
 * The matching journey of issue 4: a grandmother's tracing request seeks "Xədicə Rauf qızı Quliyeva, born 2015"
 * (Latin script) and a shelter registered «خديجة رؤوف قلي», aged about 2 in 2017 (Arabic script). Background
 * matching proposes the pair; a supervisor opens the review queue, compares both sides, confirms with the
 * keyboard and finds the child linked to her father's record. Every person is synthetic.
 */
const journeys = setUpJourneys();

const ARABIC_GIVEN = 'خديجة';

describe('a supervisor', () => {
  it('reviews a cross-script tracing suggestion and confirms it with the keyboard', async () => {
    const { context, page, pageErrors } = await journeys.openPage();
    try {
      await signIn(page, 'demo.consular', journeys.server.demoPassword);
      const api = page.request;
      const register = async (body: object) => {
        const res = await api.post('/api/registry/people', { data: body });
        expect(res.status(), await res.text()).toBe(201);
        return ((await res.json()) as { id: string }).id;
      };
      // The shelter's record of the child, in Arabic script.
      const child = await register({
        sex: 'F',
        names: [{ given: ARABIC_GIVEN, father: 'رؤوف', grandfather: 'قلي', script: 'Arab', kind: 'official', source: 'host_record' }],
        birth: { estimatedAge: { years: 2, on: '2017-09-10', method: 'medical' }, source: 'medical' },
      });
      // The request's sought granddaughter and her father, as the grandmother names them.
      const sought = await register({
        sex: 'F',
        names: [{ given: 'Xədicə', father: 'Rauf qızı', family: 'Quliyeva', kind: 'reported', source: 'relative' }],
        birth: { date: '2015', source: 'relative' },
      });
      const father = await register({ sex: 'M', names: [{ given: 'Rauf', family: 'Quliyev', kind: 'reported', source: 'relative' }] });
      const link = await api.post(`/api/registry/people/${sought}/relationships`, { data: { relatedPersonId: father, kind: 'father', evidenceLevel: 'claimed', source: 'relative' } });
      expect(link.status(), await link.text()).toBe(204);

      // The tracing request itself (its screens belong to another part of the product): set up in the database.
      const app = journeys.server.app;
      const t = { app, database: app.homeward.database } as unknown as TestApp;
      const liaison = await app.homeward.database.db.selectFrom('users').select('id').where('username', '=', 'demo.liaison').executeTakeFirstOrThrow();
      await buildTracingRequest(t, { soughtIds: [sought], createdBy: liaison.id });
      await app.homeward.database.db.updateTable('people').set({ is_sought: true }).where('id', '=', father).execute();
      await app.homeward.database.db.insertInto('person_match_queue').values([{ person_id: sought }, { person_id: father }]).onConflict((oc) => oc.doNothing()).execute();
      app.homeward.matching.kick();

      await context.clearCookies();
      await signIn(page, 'demo.supervisor', journeys.server.demoPassword);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Match review' }).click();
      await page.getByRole('heading', { level: 1, name: 'Match review' }).waitFor();
      await page.getByTestId('match-kind-filter').getByText('Tracing', { exact: true }).click();

      // Background matching proposes the pair (the queue looks again while people wait to be matched).
      const item = page.getByTestId('match-queue-item').filter({ hasText: ARABIC_GIVEN }).first();
      await item.waitFor({ timeout: 60_000 });
      await item.click();
      const header = page.getByTestId('match-header');
      await header.getByText('Tracing').waitFor();
      const sides = page.locator('[data-testid^="match-side-"]');
      const arabicName = sides.getByTestId('match-name').filter({ hasText: ARABIC_GIVEN }).first();
      await arabicName.waitFor();
      expect(await arabicName.innerText()).toContain('Arabic');
      expect(await sides.filter({ hasText: 'Sought by a tracing request' }).innerText()).toContain('Rauf');
      const fields = page.getByTestId('match-fields');
      expect(await fields.innerText()).toContain('Own name');
      expect(await page.getByTestId('match-shortcuts').innerText()).toContain('confirm');
      expect(await seriousViolations(page), 'accessibility of the review queue').toEqual([]);
      await screenshot(page, 'matching-review-en');

      // The same pair in Arabic: right to left, each name still in its own direction.
      await chooseLanguage(page, 'العربية');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.getByRole('heading', { level: 1, name: 'مراجعة التطابقات' }).waitFor();
      await page.getByTestId('match-fields').getByText('الاسم الشخصي').waitFor();
      expect(await seriousViolations(page), 'accessibility of the review queue in Arabic').toEqual([]);
      await screenshot(page, 'matching-review-ar');
      await chooseLanguage(page, 'English');
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');

      // Confirm with the keyboard: c opens the confirmation, Enter confirms.
      await page.getByTestId('match-header').click();
      await page.keyboard.press('c');
      const dialog = page.getByRole('dialog', { name: 'Confirm this match?' });
      await dialog.waitFor();
      await page.keyboard.press('Enter');
      const found = page.getByTestId('match-found');
      await found.waitFor();
      await dialog.waitFor({ state: 'detached' });
      await screenshot(page, 'matching-confirmed-en');

      // The found child: her record now names her father, with the case the confirmation opened.
      await found.getByRole('link', { name: 'Open the record' }).click();
      await page.waitForURL(`**/people/${child}`);
      await page.getByTestId('person-title').waitFor();
      expect(await page.getByTestId('person-title').innerText()).toContain(ARABIC_GIVEN);
      await page.getByText('Rauf Quliyev').first().waitFor();
      const request = await app.homeward.database.db
        .selectFrom('tracing_request_people')
        .select('found_person_id')
        .where('person_id', '=', sought)
        .executeTakeFirstOrThrow();
      expect(request.found_person_id).toBe(child);

      // Search before create runs the same engine: typing her name in English finds the Arabic record.
      await nav.getByRole('link', { name: 'Register' }).click();
      const registration = page.getByRole('form', { name: 'Register a person' });
      await field(registration, 'Own name').fill('Khadija');
      await field(registration, 'Father’s name').fill('Rauf');
      const candidate = page.getByTestId('duplicate-candidate').filter({ hasText: ARABIC_GIVEN }).first();
      await candidate.waitFor();
      expect(await candidate.innerText()).toMatch(/likely the same person/);
      await screenshot(page, 'matching-search-before-create-en');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
