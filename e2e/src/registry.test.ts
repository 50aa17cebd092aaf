import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { choose, chooseLanguage, field, setUpJourneys, signIn, signOut } from './support/journey';

/**
 * The registry journey of issue 3: a consular officer registers a child with only a first name and an
 * estimated age, links her to her mother, places her in a shelter, moves her case one stage, and finds her
 * again by her name spelt in Cyrillic. Every person here is synthetic; the demo data loaded beside them is too.
 */
const journeys = setUpJourneys();
const openPage = () => journeys.openPage();

const SHELTER = 'Demo Shelter Alpha';
// Names not among the demo data's, so the journey finds exactly the people it registered.
const CHILD = 'Şəlalə';
const CHILD_CYRILLIC = 'Шалала';
const MOTHER = { given: 'Səadət', family: 'Nümunəli' };

describe('a consular officer', () => {
  it('registers a child, links her mother, places her, moves her case and finds her in Cyrillic', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      await signIn(page, 'demo.consular', journeys.server.demoPassword);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Home', 'Cases', 'My tasks', 'Register', 'Places', 'Tracing requests', 'Import and export', 'Match review']);

      // The places board; the demo has no places yet, so the officer creates a shelter first.
      await nav.getByRole('link', { name: 'Places' }).click();
      await page.getByRole('heading', { level: 1, name: 'Places' }).waitFor();
      await page.getByTestId('places-empty').or(page.getByTestId('places-board')).waitFor();
      if (!(await page.getByTestId('place-card').filter({ hasText: SHELTER }).count())) {
        await page.getByRole('button', { name: 'New place' }).click();
        const form = page.getByRole('dialog', { name: 'New place' });
        await field(form, 'Name').fill(SHELTER);
        await field(form, 'City').fill('Baghdad');
        await field(form, 'Capacity').fill('20');
        await form.getByRole('button', { name: 'Create place' }).click();
        await form.waitFor({ state: 'detached' });
      }
      const shelterCard = page.getByTestId('place-card').filter({ hasText: SHELTER });
      await shelterCard.waitFor();
      expect(await shelterCard.innerText()).toContain('0 of 20 places taken');
      expect(await seriousViolations(page), 'accessibility of the places board').toEqual([]);

      // Register the child: a first name and an estimated age, nothing more.
      await nav.getByRole('link', { name: 'Register' }).click();
      await page.getByRole('heading', { level: 1, name: 'Register a person' }).waitFor();
      const registration = page.getByRole('form', { name: 'Register a person' });
      await registration.locator('label', { hasText: /^Female$/ }).click();
      await field(registration, 'Own name').fill(CHILD);
      // Nobody of that name yet: the search-before-create panel settles without her.
      const duplicates = page.getByTestId('duplicate-candidates');
      await duplicates.getByText(/No similar record found|These records look alike/).waitFor();
      expect(await duplicates.innerText()).not.toContain(CHILD);
      await field(registration, 'Estimated age (years)').fill('4');
      expect(await seriousViolations(page), 'accessibility of the registration form').toEqual([]);
      await screenshot(page, 'registration-en');
      await page.getByTestId('register-submit').click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await page.getByTestId('case-title').filter({ hasText: CHILD }).waitFor();
      const childCaseUrl = page.url();
      const reference = (await page.getByTestId('case-reference').innerText()).trim();
      expect(await page.getByTestId('stage-badge').first().innerText()).toBe('Reported');
      expect(await page.getByTestId('birth-text').innerText()).toContain('Estimated age 4');

      // Search before create: her name typed in Cyrillic finds her record.
      await nav.getByRole('link', { name: 'Register' }).click();
      await field(registration, 'Own name').fill(CHILD_CYRILLIC);
      const candidate = duplicates.locator('div', { hasText: CHILD }).filter({ has: page.getByRole('link', { name: 'Open this case' }) });
      await candidate.first().waitFor();

      // Register her mother, an adult.
      await field(registration, 'Own name').fill(MOTHER.given);
      await registration.locator('label', { hasText: /^Female$/ }).click();
      await field(registration, 'Family name').fill(MOTHER.family);
      await registration.locator('label', { hasText: /^Nothing yet$/ }).click();
      await registration.locator('label', { hasText: /^Adult$/ }).click();
      await page.getByTestId('register-submit').click();
      await page.getByTestId('case-title').filter({ hasText: MOTHER.given }).waitFor();

      // Back on the child's case page: link the mother, found by search.
      await page.goto(childCaseUrl);
      await page.getByTestId('case-title').filter({ hasText: CHILD }).waitFor();
      await page.getByRole('button', { name: 'Link relative' }).click();
      const link = page.getByRole('dialog', { name: 'Link relative' });
      await field(link, 'Find the relative').fill(MOTHER.given);
      await link.getByRole('radio', { name: `${MOTHER.given} ${MOTHER.family}` }).click();
      await choose(link, page, 'The relative is this person’s…', 'Mother');
      await choose(link, page, 'Evidence', 'Documented');
      await link.getByRole('button', { name: 'Link', exact: true }).click();
      await link.waitFor({ state: 'detached' });
      await page.getByTestId('relationships').getByText(`${MOTHER.given} ${MOTHER.family}`).waitFor();
      const motherBox = page.getByTestId('family-chart').getByTestId('family-mother');
      await motherBox.waitFor();
      expect(await motherBox.innerText()).toContain('Documented');

      // Move the case one stage, with a reason; the next stage is blocked until she is placed.
      await page.getByTestId('move-stage').click();
      const move = page.getByRole('dialog', { name: 'Move the case to another stage' });
      await move.getByRole('radio', { name: 'Registered' }).check();
      await field(move, 'Reason').fill('Name and age recorded at the ministry shelter intake.');
      await move.getByRole('button', { name: 'Move the case' }).click();
      await move.waitFor({ state: 'detached' });
      await page.getByTestId('stage-badge').filter({ hasText: 'Registered' }).waitFor();
      await page.getByTestId('move-stage').click();
      expect(await move.getByRole('radio', { name: 'Placed and cared for' }).isDisabled()).toBe(true);
      expect(await move.getByTestId('missing-placed').innerText()).toContain('A current placement');
      await move.getByRole('button', { name: 'Cancel' }).click();
      await move.waitFor({ state: 'detached' });

      // Place her in the shelter.
      await page.getByRole('button', { name: 'Place', exact: true }).click();
      const place = page.getByRole('dialog', { name: 'Place or transfer' });
      await choose(place, page, 'Place', new RegExp(SHELTER));
      await field(place, 'Reason').fill('Moved from the ministry shelter to be with the other children.');
      await place.getByRole('button', { name: 'Save' }).click();
      await place.waitFor({ state: 'detached' });
      await page.getByTestId('current-place').filter({ hasText: SHELTER }).waitFor();
      await page.getByTestId('move-stage').click();
      expect(await move.getByRole('radio', { name: 'Placed and cared for' }).isDisabled()).toBe(false);
      await move.getByRole('button', { name: 'Cancel' }).click();
      await move.waitFor({ state: 'detached' });

      expect(await seriousViolations(page), 'accessibility of the case page').toEqual([]);
      await screenshot(page, 'case-en');

      // Arabic: the page mirrors; the Azerbaijani names stay left-to-right inside it.
      await chooseLanguage(page, 'العربية');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.getByRole('heading', { level: 2, name: 'الهوية' }).waitFor();
      expect(await page.getByTestId('case-title').locator('bdi').getAttribute('dir')).toBe('auto');
      expect(await seriousViolations(page), 'accessibility of the case page in Arabic').toEqual([]);
      await screenshot(page, 'case-ar');
      await chooseLanguage(page, 'English');
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');

      // Find her again: the case list searched with her name in Cyrillic.
      await nav.getByRole('link', { name: 'Cases' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
      await page.getByTestId('cases-table').waitFor();
      await page.getByTestId('case-search').fill(CHILD_CYRILLIC);
      await page.getByTestId('case-search').press('Enter');
      const row = page.getByTestId(`case-row-${reference}`);
      await row.waitFor();
      const rowText = await row.innerText();
      expect(rowText).toContain(CHILD);
      expect(rowText).toContain('about 4');
      expect(rowText).toContain('Registered');
      expect(rowText).toContain(SHELTER);
      expect(await seriousViolations(page), 'accessibility of the case list').toEqual([]);
      await screenshot(page, 'cases-en');

      // The shelter now counts her.
      await nav.getByRole('link', { name: 'Places' }).click();
      await shelterCard.filter({ hasText: '1 of 20 places taken' }).waitFor();
      expect(await shelterCard.innerText()).toContain(CHILD);
      await screenshot(page, 'places-en');

      // The shelter takes more children now; its name on the board opens the child's case.
      await shelterCard.getByRole('button', { name: `Edit ${SHELTER}` }).click();
      const editPlace = page.getByRole('dialog', { name: 'Edit the place' });
      await field(editPlace, 'Capacity').fill('24');
      await editPlace.getByRole('button', { name: 'Save changes' }).click();
      await editPlace.waitFor({ state: 'detached' });
      await shelterCard.filter({ hasText: '1 of 24 places taken' }).waitFor();
      await shelterCard.getByRole('link', { name: `Open the case of ${CHILD}` }).click();
      await page.waitForURL(childCaseUrl);

      // Her priority goes up, and she is flagged as unaccompanied.
      await page.getByTestId('edit-case').click();
      const editCase = page.getByRole('dialog', { name: 'Change priority and flags' });
      await choose(editCase, page, 'Priority', 'High');
      await editCase.locator('label', { hasText: /^Unaccompanied$/ }).click();
      await editCase.getByRole('button', { name: 'Save' }).click();
      await editCase.waitFor({ state: 'detached' });
      await page.getByText('Unaccompanied', { exact: true }).first().waitFor();
      await signOut(page);

      // A supervisor records the identity decision; the history shows it beside every version of her names.
      await signIn(page, 'demo.supervisor', journeys.server.demoPassword);
      await page.goto(childCaseUrl);
      await page.getByTestId('case-title').filter({ hasText: CHILD }).waitFor();
      await page.getByRole('button', { name: 'Decide identity' }).click();
      const decide = page.getByRole('dialog', { name: 'Record an identity decision' });
      await field(decide, 'Evidence').fill('Child’s statement at intake\nMother’s account, through the ICRC');
      await decide.getByRole('button', { name: 'Record the decision' }).click();
      await decide.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'History', exact: true }).click();
      const history = page.getByTestId('identity-history');
      await history.getByText(/Mother’s account, through the ICRC/).waitFor();
      expect(await history.innerText()).toContain(CHILD);
      expect(await seriousViolations(page), 'accessibility of the identity history').toEqual([]);
      await screenshot(page, 'identity-history-en');
      await page.keyboard.press('Escape');
      await signOut(page);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
