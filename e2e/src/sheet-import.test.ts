import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot as save } from './support/browser';
import { chooseLanguage, field, setUpJourneys, signIn, signOut } from './support/journey';

/**
 * The spreadsheet journey of issue 4: a consular officer uploads an Arabic-headed CSV shelter list, accepts
 * the mapping suggested from the headers, previews the rows with their validation, imports them, watches the
 * progress bar finish and reads the summary (created, a possible duplicate, a rejected row), reads it again in
 * Arabic, and downloads the rows not imported. Every person on the list is synthetic.
 */
const journeys = setUpJourneys();

/** A full-page screenshot from the top, so the sticky header does not cover the page. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

const SOURCE = 'Ministry of Labour shelter list';
// A title row, then Arabic headers; row 5 has no name; row 7 is row 3 again (listed twice by the shelter).
const LIST = [
  ['قائمة الأطفال في دار الرحمة - بغداد', '', '', '', '', '', '', '', '', ''],
  ['ت', 'الاسم', 'اسم الأب', 'اسم الجد', 'اللقب', 'العمر', 'الجنس', 'تاريخ الميلاد', 'اسم الأم', 'ملاحظات'],
  ['1', 'غيث', 'سلوان', 'ضرغام', 'الأذري', '6', 'ذكر', '', 'تبارك', ''],
  ['2', 'رهف', 'سلوان', 'ضرغام', 'الأذري', 'حوالي 4', 'أنثى', '', 'تبارك', ''],
  ['3', '', 'نبراس', 'قاسم', '', '3', 'أنثى', '', '', 'الاسم غير معروف'],
  ['4', 'يمان', 'نبراس', 'قاسم', '', '5', 'ذكر', '12/03/2021', '', ''],
  ['5', 'غيث', 'سلوان', 'ضرغام', 'الأذري', '6', 'ذكر', '', 'تبارك', 'مكرر؟'],
];
const csv = `\uFEFF${LIST.map((r) => r.join(',')).join('\r\n')}\r\n`;

describe('a consular officer', () => {
  it('imports an Arabic shelter list from a spreadsheet and downloads the rows not imported', async () => {
    const { context, page, pageErrors } = await journeys.openPage();
    try {
      await signIn(page, 'demo.consular', journeys.server.demoPassword);
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import and export' }).click();
      const upload = page.getByRole('form', { name: 'Import a spreadsheet' });
      await upload.waitFor();
      await upload.locator('input[type="file"]').setInputFiles({ name: 'dar-al-rahma.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await field(upload, 'Source of the list').fill(SOURCE);
      await page.getByTestId('sheet-upload').click();

      // The mapping screen: every column suggested from its Arabic header.
      const mapping = page.getByTestId('sheet-mapping');
      await mapping.waitFor();
      expect(await mapping.getByText('\u2068dar-al-rahma.csv\u2069: 5 rows, headers on row 2').count()).toBe(1);
      expect(await page.getByTestId('mapping-origin').innerText()).toContain('suggested from the headers');
      const chosen = async (column: string) => page.getByRole('textbox', { name: `Person field for the column “${column}”` }).inputValue();
      expect(await chosen('ت')).toBe('Leave out');
      expect(await chosen('الاسم')).toBe('Own name');
      expect(await chosen('اسم الأب')).toBe('Father’s name (part of the name)');
      expect(await chosen('اسم الجد')).toBe('Grandfather’s name');
      expect(await chosen('اللقب')).toBe('Surname / family name');
      expect(await chosen('العمر')).toBe('Estimated age (years)');
      expect(await chosen('الجنس')).toBe('Sex');
      expect(await chosen('تاريخ الميلاد')).toBe('Date of birth');
      expect(await chosen('اسم الأم')).toBe('Mother’s name');
      expect(await seriousViolations(page), 'accessibility of the mapping screen').toEqual([]);
      await screenshot(page, 'sheet-mapping-en');

      // The preview: four rows ready, one without a name, each with its validation.
      await page.getByTestId('to-preview').click();
      const preview = page.getByTestId('sheet-preview');
      await preview.waitFor();
      await page.getByTestId('preview-counts').getByText('4 of 5 rows can be imported; rows with problems: 1.').waitFor();
      const rows = page.getByTestId('preview-row');
      expect(await rows.count()).toBe(5);
      expect(await rows.nth(0).innerText()).toContain('غيث سلوان ضرغام الأذري');
      expect(await rows.nth(0).innerText()).toContain('Ready');
      expect(await rows.nth(2).getAttribute('data-valid')).toBe('false');
      expect(await rows.nth(2).innerText()).toContain('No name: the row has neither an own name nor a full name.');
      expect(await rows.nth(3).innerText()).toContain('2021-03-12');
      expect(await seriousViolations(page), 'accessibility of the preview').toEqual([]);
      await screenshot(page, 'sheet-preview-en');

      // The import: the bar runs to the end, then the summary.
      await page.getByTestId('start-import').click();
      const result = page.getByTestId('sheet-result');
      await result.waitFor();
      const bar = page.getByRole('progressbar', { name: 'Import progress' });
      expect(await bar.getAttribute('aria-valuenow')).toBe('100');
      expect(await page.getByTestId('import-progress-text').innerText()).toBe('5 of 5 rows read');
      expect(await page.getByTestId('sheet-created').innerText()).toBe('3');
      expect(await page.getByTestId('sheet-duplicates').innerText()).toBe('1');
      expect(await page.getByTestId('sheet-rejected').innerText()).toBe('1');
      const problems = page.getByTestId('sheet-problems');
      await problems.getByRole('heading', { name: 'Rows not imported: 2' }).waitFor();
      const problemRows = page.getByTestId('problem-row');
      expect(await problemRows.count()).toBe(2);
      expect(await problemRows.nth(1).innerText()).toMatch(/Possible duplicate of row 3 of this sheet \(\u2068غيث سلوان ضرغام الأذري\u2069, \d+% alike\)/);
      expect(await seriousViolations(page), 'accessibility of the summary').toEqual([]);
      await screenshot(page, 'sheet-summary-en');

      // The rows not imported, downloaded in the sheet's own columns with a reason column.
      const [download] = await Promise.all([page.waitForEvent('download'), problems.getByRole('button', { name: 'Download rows not imported (CSV)' }).click()]);
      expect(download.suggestedFilename()).toBe('dar-al-rahma-rejected.csv');
      const text = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
      const lines = text.trim().split('\r\n');
      expect(lines[0]).toBe([...LIST[1]!, 'Rejection reason'].map((h) => `"${h}"`).join(','));
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain('"No name: the row has neither an own name nor a full name."');

      // The summary in Arabic, right to left, the reasons in Arabic.
      await chooseLanguage(page, 'العربية');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await problems.getByRole('heading', { name: 'الصفوف غير المستوردة: 2' }).waitFor();
      expect(await problemRows.nth(0).innerText()).toContain('لا يوجد اسم: لا يحتوي الصف على اسم الشخص ولا على اسمه الكامل.');
      expect(await seriousViolations(page), 'accessibility of the summary in Arabic').toEqual([]);
      await screenshot(page, 'sheet-summary-ar');

      // The next list from the same source maps itself with the saved mapping.
      await page.getByTestId('sheet-another').click();
      await chooseLanguage(page, 'English');
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');
      const again = page.getByRole('form', { name: 'Import a spreadsheet' });
      await again.locator('input[type="file"]').setInputFiles({ name: 'dar-al-rahma-2.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.getByTestId('sheet-upload').click();
      await page.getByTestId('sheet-mapping').waitFor();
      expect(await page.getByTestId('mapping-origin').innerText()).toBe(`The mapping saved for “\u2068${SOURCE}\u2069” is applied.`);
      await chooseLanguage(page, 'العربية');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.getByTestId('mapping-origin').getByText(`طُبّق الربط المحفوظ لـ «\u2068${SOURCE}\u2069».`).waitFor();
      expect(await seriousViolations(page), 'accessibility of the mapping screen in Arabic').toEqual([]);
      await screenshot(page, 'sheet-mapping-ar');
      await chooseLanguage(page, 'English');
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');
      await signOut(page);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
