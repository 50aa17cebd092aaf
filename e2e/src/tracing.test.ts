import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { choose, chooseLanguage, field, setUpJourneys, signIn } from './support/journey';

/**
 * The tracing journey of issue 4: a family liaison files a tracing request for a grandmother in Sumqayıt who
 * is looking for her granddaughter, with consent; finds it in the list; opens it and the granddaughter's
 * record. Every person here is synthetic; the names are not among the demo data's.
 */
const journeys = setUpJourneys();

const GRANDMOTHER = 'Gülşən Nümunəli';
const CHILD = { given: 'Xədicə', father: 'Rauf', family: 'Sınaqova' };
const CHILD_NAME = `${CHILD.given} ${CHILD.father} ${CHILD.family}`;
const MOTHER = { given: 'Aysel', family: 'Məmmədova' };
const FATHER = { given: 'Rauf', family: 'Sınaqov' };

describe('a family liaison', () => {
  it('files a tracing request for a grandmother looking for her granddaughter, finds it in the list and opens it', async () => {
    const { context, page, pageErrors } = await journeys.openPage();
    try {
      await signIn(page, 'demo.liaison', journeys.server.demoPassword);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.getByRole('link').allInnerTexts()).toContain('Tracing requests');
      await nav.getByRole('link', { name: 'Tracing requests' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tracing requests' }).waitFor();
      await page.getByTestId('tracing-empty').or(page.getByTestId('tracing-table')).waitFor();

      await page.getByRole('link', { name: 'New tracing request' }).click();
      await page.getByRole('heading', { level: 1, name: 'New tracing request' }).waitFor();
      const form = page.getByRole('form', { name: 'New tracing request' });

      // Consent must be answered: submitting without an answer is refused on the spot, nothing is sent.
      await page.getByTestId('tracing-submit').click();
      await form.getByText('Ask the relative and record the answer.').waitFor();
      await form.getByText('Say what the sought person is to the requester.').waitFor();
      expect(page.url()).toMatch(/\/tracing\/new$/);

      await field(form, 'Requester’s full name').fill(GRANDMOTHER);
      await choose(form, page, 'The requester is the sought person’s…', 'Grandmother');
      await field(form, 'How to reach the requester (telephone, address)').fill('+994 50 000 00 00');
      await form.getByRole('radio', { name: 'Yes, the relative consents' }).check();
      await field(form, 'District at home').fill('Sumqayıt');
      await field(form, 'When the family left home').fill('2015-03');
      await field(form, 'Documents the relative brought').fill('Copy of the father’s passport\nA family photograph from 2014');

      const sought = page.getByTestId('sought-1');
      await choose(sought, page, 'The sought person is the requester’s… (1)', 'Granddaughter');
      await sought.locator('label', { hasText: /^Female$/ }).click();
      await field(sought, 'Own name (1)').fill(CHILD.given);
      await field(sought, 'Father’s name (1)').fill(CHILD.father);
      await field(sought, 'Family name (1)').fill(CHILD.family);
      await sought.locator('label', { hasText: /^A date$/ }).click();
      await field(sought, 'Birth date').fill('2015');
      await field(sought, 'Mother: own name (1)').fill(MOTHER.given);
      await field(sought, 'Mother: family name (1)').fill(MOTHER.family);
      await field(sought, 'Father: own name (1)').fill(FATHER.given);
      await field(sought, 'Father: family name (1)').fill(FATHER.family);

      expect(await seriousViolations(page), 'accessibility of the new tracing request form').toEqual([]);
      await screenshot(page, 'tracing-form-en');
      await page.getByTestId('tracing-submit').click();

      // The request page: the granddaughter, her parents as the grandmother knows them, consent given.
      await page.waitForURL(/\/tracing\/[0-9a-f-]{36}$/);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.filter({ hasText: /^TR-\d{4}-\d{6}$/ }).waitFor();
      const reference = (await heading.innerText()).trim();
      const soughtCard = page.getByTestId('sought-person');
      await soughtCard.getByRole('link', { name: CHILD_NAME, exact: true }).waitFor();
      expect(await soughtCard.innerText()).toContain('Granddaughter');
      await soughtCard.getByRole('link', { name: `${MOTHER.given} ${MOTHER.family}`, exact: true }).waitFor();
      await soughtCard.getByRole('link', { name: `${FATHER.given} ${FATHER.family}`, exact: true }).waitFor();
      expect(await page.getByTestId('consent-state').textContent()).toBe('Consent given');
      expect(await soughtCard.getByTestId('matching-badge').textContent()).toBe('Takes part in matching');
      expect(await soughtCard.getByTestId('found-status').innerText()).toBe('Not found yet');
      expect(await page.getByTestId('requester-name').innerText()).toBe(GRANDMOTHER);
      expect(await seriousViolations(page), 'accessibility of the tracing request page').toEqual([]);
      await screenshot(page, 'tracing-request-en');
      const requestUrl = page.url();

      // The list shows it; a search by the granddaughter's name in Cyrillic finds it too.
      await nav.getByRole('link', { name: 'Tracing requests' }).click();
      const row = page.getByTestId(`tracing-row-${reference}`);
      await row.waitFor();
      expect(await row.innerText()).toContain(CHILD_NAME);
      expect(await row.textContent()).toContain('Consent given');
      const search = field(page, 'Search by name, requester or reference');
      await search.fill('Nobodyelse');
      await page.getByTestId('tracing-empty').waitFor();
      await search.fill('Хадиджа');
      await row.waitFor();
      expect(await seriousViolations(page), 'accessibility of the tracing requests list').toEqual([]);
      await screenshot(page, 'tracing-list-en');

      // Open it from the list, then the granddaughter's own record.
      await row.getByRole('link', { name: reference }).click();
      await page.waitForURL(requestUrl);
      await soughtCard.getByRole('link', { name: CHILD_NAME, exact: true }).click();
      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      await page.getByTestId('person-title').filter({ hasText: CHILD_NAME }).waitFor();
      // Her page says she is sought, not found, and leads back to the request.
      const soughtNote = page.getByTestId('sought-in-requests');
      await soughtNote.getByRole('link', { name: reference }).waitFor();
      expect(await soughtNote.innerText()).toContain('Sought by a relative');
      expect(await seriousViolations(page), 'accessibility of the sought person’s page').toEqual([]);
      await screenshot(page, 'tracing-sought-person-en');

      // Arabic: the request page mirrors; the Azerbaijani names stay left-to-right inside it.
      await page.goto(requestUrl);
      await soughtCard.getByRole('link', { name: CHILD_NAME, exact: true }).waitFor();
      await chooseLanguage(page, 'العربية');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.getByRole('heading', { level: 2, name: 'الأشخاص المبحوث عنهم' }).waitFor();
      expect(await soughtCard.getByRole('link', { name: CHILD_NAME, exact: true }).locator('bdi').getAttribute('dir')).toBe('auto');
      // A telephone number has no letters: it stays left-to-right, not reversed by the Arabic page around it.
      expect(await page.getByTestId('requester-contact').innerHTML()).toBe('<bdi dir="ltr">+994 50 000 00 00</bdi>');
      expect(await seriousViolations(page), 'accessibility of the tracing request page in Arabic').toEqual([]);
      await screenshot(page, 'tracing-request-ar');
      await page.getByTestId('navbar').getByRole('link', { name: 'طلبات البحث' }).click();
      await page.getByTestId('tracing-table').waitFor();
      await screenshot(page, 'tracing-list-ar');
      await page.getByRole('link', { name: 'طلب بحث جديد' }).click();
      await page.getByRole('heading', { level: 1, name: 'طلب بحث جديد' }).waitFor();
      expect(await seriousViolations(page), 'accessibility of the form in Arabic').toEqual([]);
      await screenshot(page, 'tracing-form-ar');
      await chooseLanguage(page, 'English');
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');

      // The relative withdraws consent: the granddaughter leaves matching at once.
      await page.goto(requestUrl);
      await page.getByTestId('withdraw-consent').click();
      const dialog = page.getByRole('dialog', { name: 'Withdraw consent for tracing?' });
      await field(dialog, 'Reason (optional)').fill('The family asked to pause the search.');
      await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('consent-state').filter({ hasText: 'Consent withdrawn' }).waitFor();
      expect(await soughtCard.getByTestId('matching-badge').textContent()).toBe('Kept out of matching');
      expect(await page.getByTestId('withdrawal-reason').innerText()).toBe('The family asked to pause the search.');
      await page.getByTestId('record-consent').waitFor();

      // The grandmother moved: the liaison corrects the district.
      await page.getByTestId('edit-request').click();
      const edit = page.getByRole('dialog', { name: 'Edit the request’s details' });
      await field(edit, 'District at home').fill('Xaçmaz');
      expect(await seriousViolations(page), 'accessibility of the edit dialog').toEqual([]);
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'detached' });
      await page.getByText('Xaçmaz').waitFor();

      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
