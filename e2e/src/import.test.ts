import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { choose, chooseLanguage, field, setUpJourneys, signIn, signOut } from './support/journey';

/**
 * The import journey of issue 3: a consular officer imports a small homeward.person/1 file through the web
 * app, watches the job's progress bar reach the end, sees the one bad line reported with its number and
 * reason, finds an imported child by her name spelt in Cyrillic, opens her case, and reads its timeline
 * in Arabic. Every person in the file is synthetic.
 */
const journeys = setUpJourneys();
const openPage = () => journeys.openPage();

const line = (record: Record<string, unknown>) => JSON.stringify(record);

// Five synthetic people, in Arabic and Latin script, and one broken line (line 3). Names not among the demo data's.
const FILE = [
  line({
    id: 'SHB-001',
    sex: 'F',
    names: [
      { given: 'نرجس', father: 'طاهر', kind: 'official' },
      { given: 'Nərgiz', family: 'Baharlı', kind: 'reported' },
    ],
    birth: { estimated_age: { years: 6, on: '2026-03' }, place: 'Mosul' },
    mother: { names: [{ given: 'Gülşən', family: 'Baharlı' }] },
  }),
  line({ id: 'SHB-002', sex: 'M', names: [{ given: 'Elnur', family: 'Baharlı' }], birth: { estimated_age: { years: 3, on: '2026-03' } } }),
  '{"id": "SHB-003", "names": [',
  line({ id: 'SHB-004', sex: 'F', names: [{ full: 'سلمى عبد الرحيم' }] }),
  line({ id: 'SHB-005', sex: 'M', names: [{ given: 'Orxan', family: 'Səfərli' }], birth: { date: '2014-05' } }),
  line({ id: 'SHB-006', sex: 'F', names: [{ given: 'ليان' }, { given: 'Layan', kind: 'reported' }] }),
].join('\n');

const CHILD_LATIN = 'Nərgiz';
const CHILD_ARABIC = 'نرجس';
const CHILD_CYRILLIC = 'Наргиз';
const TASK = 'Ask the shelter for her intake form';
// A 2×2 grey PNG: a synthetic stand-in for an identification photo.
const PHOTO_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAADklEQVR4nGNoAAMGCAUAKg4GARWeQtcAAAAASUVORK5CYII=';

describe('a consular officer', () => {
  it('imports a file, sees the bad line, finds an imported child in Cyrillic and opens her case', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      await signIn(page, 'demo.consular', journeys.server.demoPassword);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Import and export' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import and export people' }).waitFor();
      // A consular officer may import but not export.
      expect(await page.getByTestId('export-people').count()).toBe(0);

      // Choose the file: the source name defaults to the file's name.
      await page.getByRole('form', { name: 'Import a file' }).locator('input[type="file"]').setInputFiles({ name: 'shelter-b.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(FILE, 'utf8') });
      expect(await field(page, 'Source system').inputValue()).toBe('shelter-b');
      expect(await seriousViolations(page), 'accessibility of the import form').toEqual([]);
      await page.getByTestId('import-submit').click();

      // The progress bar runs to the end, then the result.
      const result = page.getByTestId('import-result');
      await result.waitFor();
      const bar = page.getByRole('progressbar', { name: 'Import progress' });
      expect(await bar.getAttribute('aria-valuenow')).toBe('100');
      expect(await page.getByTestId('import-progress-text').innerText()).toBe('6 of 6 lines read');
      expect(await page.getByTestId('import-created').innerText()).toBe('5');
      const rejected = page.getByTestId('import-rejected');
      expect(await rejected.getByRole('heading').innerText()).toBe('Rejected lines: 1');
      const rows = rejected.getByRole('table', { name: 'Rejected lines' }).getByRole('row');
      expect(await rows.count()).toBe(2);
      const badLine = await rows.nth(1).innerText();
      expect(badLine).toMatch(/^3\s/);
      expect(badLine).toContain('not valid JSON');
      await rejected.getByRole('button', { name: 'Download rejected lines (CSV)' }).waitFor();
      expect(await seriousViolations(page), 'accessibility of the import result').toEqual([]);
      await screenshot(page, 'import-result-en');

      await chooseLanguage(page, 'العربية');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await rejected.getByRole('heading', { name: 'الأسطر المرفوضة: 1' }).waitFor();
      expect(await seriousViolations(page), 'accessibility of the import result in Arabic').toEqual([]);
      await screenshot(page, 'import-result-ar');
      await chooseLanguage(page, 'English');
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');

      // The import opens no case: search before create finds the child by her name in Cyrillic.
      await nav.getByRole('link', { name: 'Register' }).click();
      const registration = page.getByRole('form', { name: 'Register a person' });
      await field(registration, 'Own name').fill(CHILD_CYRILLIC);
      const candidate = page.getByTestId('duplicate-candidate').filter({ hasText: CHILD_LATIN }).first();
      await candidate.waitFor();
      expect(await candidate.innerText()).toContain('No open case');
      await candidate.getByRole('link', { name: 'Open this person’s record' }).click();

      // Her record: identity from the import, her mother linked, no case yet.
      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      await page.getByTestId('person-title').filter({ hasText: CHILD_ARABIC }).waitFor();
      await page.getByTestId('person-no-case').waitFor();
      expect(await page.getByTestId('names-table').innerText()).toContain(CHILD_LATIN);
      await page.getByTestId('family-chart').getByTestId('family-mother').waitFor();

      // A nationality claim, and a photo shown back through a blob: URL (the CSP allows no other way).
      await page.getByRole('button', { name: 'Add claim' }).click();
      const claim = page.getByRole('dialog', { name: 'Add claim' });
      await claim.getByRole('button', { name: 'Save' }).click();
      await claim.waitFor({ state: 'detached' });
      await page.getByTestId('nationality-claims').getByText('Azerbaijan: A parent is a citizen').waitFor();
      await page.getByRole('button', { name: 'Add photo' }).click();
      const photo = page.getByRole('dialog', { name: 'Add photo' });
      await photo.locator('input[type="file"]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(PHOTO_PNG, 'base64') });
      await photo.getByRole('button', { name: 'Save' }).click();
      await photo.waitFor({ state: 'detached' });
      const image = page.getByTestId('person-photo');
      await image.waitFor();
      expect(await image.getAttribute('src')).toMatch(/^blob:/);
      const width = await image.evaluate(async (el) => {
        const img = el as HTMLImageElement;
        await img.decode();
        return img.naturalWidth;
      });
      expect(width).toBe(2);
      expect(await seriousViolations(page), 'accessibility of the person page').toEqual([]);
      await screenshot(page, 'person-en');

      // Open her case from there.
      await page.getByTestId('open-case').click();
      const open = page.getByRole('dialog', { name: 'Open a case for this person' });
      await open.locator('label', { hasText: /^Unaccompanied$/ }).click();
      await open.getByTestId('open-case-submit').click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await page.getByTestId('case-title').filter({ hasText: CHILD_ARABIC }).waitFor();
      const timeline = page.getByTestId('case-timeline');
      await timeline.getByText('The case was opened at the stage “Reported”.').waitFor();
      const timelineText = await timeline.innerText();
      expect(timelineText).toContain(`Name recorded: ${CHILD_LATIN} Baharlı (Reported, Latin; source: Import)`);
      expect(timelineText).toContain('Mother linked: Gülşən Baharlı — Claimed (source: Import)');
      expect(timelineText).toContain('by Demo Consular Officer');

      // A task, given to a colleague picked from the directory.
      await field(page, 'New task').fill(TASK);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByTestId('case-tasks').getByText(TASK).waitFor();
      await page.getByRole('button', { name: `Change ${TASK}` }).click();
      const edit = page.getByRole('dialog', { name: 'Change the task' });
      await choose(edit, page, 'Assigned to', 'Demo Caseworker');
      await field(edit, 'Due date').fill('2026-12-01');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'detached' });
      await page.getByTestId('task-assignee').filter({ hasText: 'Assigned to Demo Caseworker' }).waitFor();
      expect(await page.getByTestId('case-tasks').innerText()).toContain('Due 1 Dec 2026');
      expect(await seriousViolations(page), 'accessibility of the case page').toEqual([]);

      // The timeline in Arabic: every entry worded in Arabic, the names as written.
      await chooseLanguage(page, 'العربية');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.getByRole('heading', { level: 2, name: 'التسلسل الزمني' }).waitFor();
      await timeline.getByText('فُتحت الحالة في مرحلة «مُبلَّغ عنه».').waitFor();
      expect(await timeline.innerText()).toContain(CHILD_LATIN);
      expect(await seriousViolations(page), 'accessibility of the case page in Arabic').toEqual([]);
      await screenshot(page, 'case-timeline-ar');
      await chooseLanguage(page, 'English');
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');
      await signOut(page);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
