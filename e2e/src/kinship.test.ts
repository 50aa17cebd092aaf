import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { genotypeSampler, seeded, GLOBALFILER } from '../../apps/server/test/kinship-factories';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { choose, chooseLanguage, field, setUpJourneys, signIn, signOut } from './support/journey';

/**
 * The DNA kinship journey of issue 5: a supervisor imports a lab file with a found child and two
 * grandparents (synthetic genotypes, Mendelian, so the LR is large), asks whether the child is the
 * grandchild of these grandparents from the child's case, reads the per-marker table, downloads the PDF
 * report, runs a small screen, confirms its match and corrects a marker by hand. A medical officer sees none of it. Every person and
 * every genotype here is synthetic.
 */
const journeys = setUpJourneys();
const openPage = () => journeys.openPage();

// Names not among the demo data's, so searches find exactly these people.
const CHILD = { given: 'Aysu', family: 'Sınaqlı', sex: 'F' };
const GRANDFATHER = { given: 'Qəzənfər', family: 'Sınaqlı', sex: 'M' };
const GRANDMOTHER = { given: 'Zərifə', family: 'Sınaqlı', sex: 'F' };
const full = (p: { given: string; family: string }) => `${p.given} ${p.family}`;

/** A child and her paternal grandparents typed on GlobalFiler's 21 markers, consistent with Mendel. */
function labFile(): string {
  const { person: founder, child } = genotypeSampler(seeded(2026));
  const [gf, gm, mother] = [founder(), founder(), founder()];
  const c1 = child(child(gf, gm), mother);
  const rows = ['person,marker,allele1,allele2'];
  for (const [label, genotypes] of [['C1', c1], ['GF', gf], ['GM', gm]] as const) {
    for (const marker of GLOBALFILER) rows.push(`${label},${marker},${genotypes[marker]![0]},${genotypes[marker]![1]}`);
  }
  return `${rows.join('\n')}\n`;
}

async function register(page: Page, p: { given: string; family: string; sex: string }, withCase: boolean): Promise<{ id: string; caseId: string | null }> {
  const res = await page.request.post('/api/registry/people', {
    data: { sex: p.sex, names: [{ given: p.given, family: p.family, kind: 'official', source: 'relative' }], ...(withCase ? { case: { kind: 'child' } } : {}) },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; caseId: string | null };
}

async function choosePerson(page: Page, label: string, name: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).fill(name.split(' ')[0]!);
  await page.getByRole('option', { name: new RegExp(name) }).first().click();
}

describe('a supervisor', () => {
  it('imports a lab file, asks a grandparents question, downloads the report and confirms a screening match', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      await signIn(page, 'demo.supervisor', journeys.server.demoPassword);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'DNA kinship' }).waitFor();

      // The people come from the registry (as registration would record them), the grandparents as claimed relatives.
      const child = await register(page, CHILD, true);
      const grandfather = await register(page, GRANDFATHER, false);
      const grandmother = await register(page, GRANDMOTHER, false);
      for (const relative of [grandfather, grandmother]) {
        const link = await page.request.post(`/api/registry/people/${child.id}/relationships`, {
          data: { relatedPersonId: relative.id, kind: 'grandparent', evidenceLevel: 'claimed', source: 'relative' },
        });
        expect(link.status(), await link.text()).toBe(204);
      }

      // A malformed file first: every problem named by row and marker, nothing imported.
      await nav.getByRole('link', { name: 'DNA kinship' }).click();
      await page.getByRole('heading', { level: 1, name: 'DNA kinship' }).waitFor();
      expect(await seriousViolations(page), 'accessibility of the kinship page').toEqual([]);
      await page.getByTestId('kinship-entry-import').click();
      await page.getByRole('heading', { level: 1, name: 'Import a lab file' }).waitFor();
      const fileInput = page.locator('input[type="file"]');
      await fileInput.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('person,marker,allele1,allele2\nC1,TH01,"9,3",6\nC1,XYZ12,10,11\n') });
      const errors = page.getByTestId('kinship-import-errors');
      await errors.waitFor();
      const errorText = await errors.innerText();
      expect(errorText).toMatch(/2\s+C1\s+TH01\s+allele "9,3" uses a decimal comma; write 9\.3/);
      expect(errorText).toMatch(/3\s+C1\s+XYZ12\s+unknown marker "XYZ12"/);
      await screenshot(page, 'kinship-import-errors-en');

      // The real file: three labels, each matched to a person; the child is a found child.
      await fileInput.setInputFiles({ name: 'lab-2026-041.csv', mimeType: 'text/csv', buffer: Buffer.from(labFile()) });
      const labels = page.getByTestId('kinship-labels');
      await labels.waitFor();
      expect(await labels.getByRole('row').count()).toBe(4);
      await choosePerson(page, 'Person for C1', full(CHILD));
      await choosePerson(page, 'Person for GF', full(GRANDFATHER));
      await choosePerson(page, 'Person for GM', full(GRANDMOTHER));
      await page.getByTestId('label-C1').locator('label', { hasText: 'Found child' }).click();
      await field(page, 'Laboratory').fill('Central Forensic Laboratory, Baku');
      await field(page, 'Collected by').fill('Family liaison officer');
      await field(page, 'Shipped to the lab on').fill('2026-03-02');
      await field(page, 'Consent for DNA use').fill('CONSENT-2026-041');
      expect(await seriousViolations(page), 'accessibility of the lab file import').toEqual([]);
      await screenshot(page, 'kinship-import-en');
      await page.getByTestId('kinship-import-submit').click();
      const done = page.getByTestId('kinship-import-done');
      await done.waitFor();
      expect(await done.getByRole('row').count()).toBe(4);

      // The child's case: her profile, its chain of custody, and the question built from her family.
      await page.goto(`/cases/${child.caseId}`);
      const panel = page.getByTestId('kinship-panel');
      await panel.getByTestId('kinship-open').click();
      await panel.getByTestId('kinship-profile').waitFor();
      expect(await panel.getByTestId('kinship-marker-count').innerText()).toBe('21');
      expect(await panel.getByTestId('kinship-consent').innerText()).toBe('CONSENT-2026-041');
      const custody = await panel.getByTestId('kinship-custody').innerText();
      expect(custody).toContain('Collected');
      expect(custody).toContain('Shipped');
      expect(custody).toContain('Typed');
      await panel.getByTestId('kinship-show-alleles').click();
      await panel.getByText('TH01:').waitFor();
      await screenshot(page, 'kinship-profile-en');
      await panel.getByRole('tab', { name: 'Kinship question' }).click();
      const relatives = panel.getByTestId('typed-relative');
      await relatives.nth(1).waitFor();
      expect(await relatives.count()).toBe(2);
      expect(await panel.getByTestId('pedigree-typed').count()).toBe(2);
      expect(await panel.getByTestId('pedigree-subject').count()).toBe(1);
      await panel.getByTestId('kinship-ask').click();
      const result = panel.getByTestId('kinship-result');
      await result.waitFor();
      expect(await result.getByTestId('kinship-conclusion').innerText()).toBe('Supports');
      const lr = await result.getByTestId('kinship-lr').innerText();
      expect(lr).toMatch(/× 10|\d{2},\d{3}/);
      const markers = result.getByTestId('kinship-markers');
      expect(await markers.getByRole('row').count()).toBe(22);
      expect(await markers.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining([full(CHILD), full(GRANDFATHER), full(GRANDMOTHER), 'LR']));
      expect(await result.getByTestId('kinship-synthetic').count()).toBe(1);
      expect(await seriousViolations(page), 'accessibility of the kinship result').toEqual([]);
      await screenshot(page, 'kinship-case-en');

      // The printable report, generated and audited on the server.
      const [download] = await Promise.all([page.waitForEvent('download'), result.getByTestId('kinship-report').click()]);
      expect(download.suggestedFilename()).toMatch(/^kinship-report-[0-9a-f]{8}\.pdf$/);
      const pdf = await readFile((await download.path())!);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // Arabic: the panel mirrors, the chart too; names stay in their own direction.
      await chooseLanguage(page, 'العربية');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.getByRole('heading', { level: 2, name: 'القرابة بالحمض النووي' }).waitFor();
      expect(await seriousViolations(page), 'accessibility of the kinship result in Arabic').toEqual([]);
      await screenshot(page, 'kinship-case-ar');
      // The stored result has its own page (an audited read), with both pedigrees.
      await result.getByRole('link', { name: 'رابط هذه النتيجة' }).click();
      await page.getByRole('heading', { level: 1, name: 'تحليل القرابة' }).waitFor();
      await page.getByTestId('kinship-markers').waitFor();
      expect(await seriousViolations(page), 'accessibility of the stored analysis in Arabic').toEqual([]);
      await screenshot(page, 'kinship-analysis-ar');
      await chooseLanguage(page, 'English');
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');

      // A small screen: the found child against a reference family made of her grandparents.
      await nav.getByRole('link', { name: 'DNA kinship' }).click();
      await page.getByTestId('kinship-entry-screens').click();
      await page.getByRole('heading', { level: 1, name: 'Screening' }).waitFor();
      await page.locator('label', { hasText: 'Families defined here' }).click();
      await page.getByTestId('add-reference-family').click();
      const family = page.getByTestId('reference-family');
      await family.getByRole('button', { name: 'Add a typed relative' }).click();
      await family.getByRole('button', { name: 'Add a typed relative' }).click();
      await choose(family, page, 'Relative 1', new RegExp(full(GRANDFATHER)));
      await choose(family, page, 'Claimed: relative 1 is this person’s…', 'Paternal grandfather');
      await choose(family, page, 'Relative 2', new RegExp(full(GRANDMOTHER)));
      await choose(family, page, 'Claimed: relative 2 is this person’s…', 'Paternal grandmother');
      await family.getByTestId('pedigree-chart').waitFor();
      expect(await seriousViolations(page), 'accessibility of the screening form').toEqual([]);
      await page.getByTestId('screen-start').click();
      await page.waitForURL(/\/kinship\/screens\/[0-9a-f-]{36}$/);
      await page.getByTestId('screen-progress-text').filter({ hasText: '1 of 1 families screened' }).waitFor();
      const undisputed = page.getByTestId('screen-undisputed');
      await undisputed.waitFor();
      expect(await undisputed.innerText()).toContain(full(CHILD));
      await page.getByTestId('screen-matrix').waitFor();
      const match = page.getByTestId('screen-match');
      expect(await match.count()).toBe(1);
      expect(await match.innerText()).toContain('Grandparent');
      expect(await seriousViolations(page), 'accessibility of the screen').toEqual([]);
      await screenshot(page, 'kinship-screen-en');
      await match.getByTestId('match-confirm').click();
      const dialog = page.getByRole('dialog', { name: 'Confirm this match' });
      await field(dialog, 'Note (optional)').fill('Checked against the lab report.');
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await dialog.waitFor({ state: 'detached' });
      await match.getByTestId('match-status').filter({ hasText: 'Confirmed' }).waitFor();
      await chooseLanguage(page, 'العربية');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      expect(await seriousViolations(page), 'accessibility of the screen in Arabic').toEqual([]);
      await screenshot(page, 'kinship-screen-ar');
      await chooseLanguage(page, 'English');

      // The confirmation is now a DNA-supported relationship on the child's record.
      await page.goto(`/cases/${child.caseId}`);
      await page.getByTestId('family-chart').getByText('DNA-supported').first().waitFor();

      // A transcription error corrected by hand: a new version, the old one kept, the reason in the chain of custody.
      await panel.getByTestId('kinship-open').click();
      await panel.getByTestId('kinship-correct').click();
      const correction = page.getByRole('dialog', { name: 'Correct a marker by hand' });
      await choose(correction, page, 'Marker', 'TH01');
      await field(correction, 'Allele 2').fill('9,3');
      await field(correction, 'Reason').fill('Lab sheet transcription error');
      await correction.getByTestId('kinship-correction-save').click();
      await correction.getByText('allele "9,3" uses a decimal comma').waitFor();
      await field(correction, 'Allele 2').fill('9.3');
      await correction.getByTestId('kinship-correction-save').click();
      await correction.waitFor({ state: 'detached' });
      await panel.getByText('2 of 2').waitFor();
      expect(await panel.getByTestId('kinship-custody').innerText()).toContain('Lab sheet transcription error');
      await signOut(page);

      // A medical officer has no genetic permissions: no navigation entry, no DNA panel on the same case.
      await signIn(page, 'demo.medical', journeys.server.demoPassword);
      expect(await nav.getByRole('link').allInnerTexts()).not.toContain('DNA kinship');
      await page.goto(`/cases/${child.caseId}`);
      await page.getByTestId('case-title').waitFor();
      expect(await page.getByTestId('kinship-panel').count()).toBe(0);
      await signOut(page);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
