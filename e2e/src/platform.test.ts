import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { chooseLanguage, setUpJourneys, signIn, signOut } from './support/journey';

/**
 * The platform journeys: sign-in, the shell with its demo banner and permission-driven navigation,
 * accessibility, the Arabic right-to-left layout, sign-out; and a data protection officer verifying the
 * audit chain. Each runs against a real server on a fresh embedded database in demo mode.
 */
const journeys = setUpJourneys();
const openPage = () => journeys.openPage();

async function navbarBox(page: Page) {
  const box = await page.getByTestId('navbar').boundingBox();
  if (!box) throw new Error('the navigation bar is not laid out');
  return box;
}

describe('an administrator', () => {
  it('signs in, sees the demo shell in English and Arabic, and signs out', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      // Not signed in: any address leads to the sign-in page.
      await page.goto('/users');
      await page.waitForURL('**/sign-in');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.getByTestId('demo-banner').waitFor();
      expect(await seriousViolations(page), 'accessibility of the sign-in page').toEqual([]);
      await screenshot(page, 'sign-in-en');

      // A wrong password is refused with a plain message.
      await page.getByLabel('Username').fill('demo.admin');
      await page.getByLabel('Password', { exact: true }).fill('not the demo password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: /password/i }).waitFor();

      await signIn(page, 'demo.admin', journeys.server.demoPassword);
      expect(new URL(page.url()).pathname).toBe('/');

      // The shell: demo banner, product name, navigation limited to what the administrator may do.
      expect(await page.getByTestId('demo-banner').innerText()).toContain('Demo — synthetic data');
      await page.getByRole('banner').getByText('Homeward', { exact: true }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Home', 'Users']);
      expect(await page.getByTestId('home-roles').innerText()).toContain('Administrator');
      expect(await seriousViolations(page), 'accessibility of the home page').toEqual([]);
      await screenshot(page, 'home-en');

      // The users page lists the demo accounts.
      await nav.getByRole('link', { name: 'Users' }).click();
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      await page.getByTestId('user-row-demo.dpo').waitFor();
      expect(await page.getByTestId('user-row-demo.admin').innerText()).toContain('Administrator');
      expect(await seriousViolations(page), 'accessibility of the users page').toEqual([]);
      await screenshot(page, 'users-en');
      await nav.getByRole('link', { name: 'Home' }).click();
      await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();

      // In English the navigation sits on the left.
      const ltrBox = await navbarBox(page);
      expect(ltrBox.x).toBeLessThan(5);

      // Arabic: the whole layout mirrors, and the navigation moves to the right.
      await chooseLanguage(page, 'العربية');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
      await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).waitFor();
      const viewport = page.viewportSize();
      if (!viewport) throw new Error('no viewport');
      const rtlBox = await navbarBox(page);
      expect(rtlBox.x).toBeGreaterThan(viewport.width / 2);
      expect(Math.abs(rtlBox.x + rtlBox.width - viewport.width)).toBeLessThan(5);
      expect(await page.getByTestId('demo-banner').innerText()).toContain('عرض تجريبي');
      expect(await seriousViolations(page), 'accessibility of the home page in Arabic').toEqual([]);
      await screenshot(page, 'home-ar');

      // The choice is remembered across a reload.
      await page.reload();
      await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

      // Back to English, then sign out.
      await chooseLanguage(page, 'English');
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await signOut(page);

      // Signed out means signed out: the home page sends us back to sign in.
      await page.goto('/');
      await page.waitForURL('**/sign-in');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('an administrator managing users', () => {
  it('creates a user, changes their roles, disables and enables them', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      await signIn(page, 'demo.admin', journeys.server.demoPassword);
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

      // The shared schema's rules are checked before anything is sent.
      await page.getByRole('button', { name: 'New user' }).click();
      const dialog = page.getByRole('dialog', { name: 'New user' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await dialog.getByText('Give the user at least one role.').waitFor();
      expect(await seriousViolations(page), 'accessibility of the new-user form').toEqual([]);
      await screenshot(page, 'user-create-en');

      await dialog.getByLabel('Username').fill('test.caseworker');
      await dialog.getByLabel('Full name').fill('Test Caseworker');
      await dialog.getByLabel('Initial password').fill('a long enough synthetic password');
      await dialog.getByRole('checkbox', { name: 'Caseworker (child protection)' }).check();
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByTestId('user-row-test.caseworker');
      await row.waitFor();
      expect(await row.innerText()).toContain('Caseworker (child protection)');

      // Add a role.
      await row.getByRole('button', { name: 'Actions for test.caseworker' }).click();
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit test.caseworker' });
      await edit.getByRole('checkbox', { name: 'Family liaison' }).check();
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await edit.waitFor({ state: 'detached' });
      await row.getByText('Family liaison').waitFor();

      // Disable, after confirming; then enable again.
      await row.getByRole('button', { name: 'Actions for test.caseworker' }).click();
      await page.getByRole('menuitem', { name: 'Disable' }).click();
      const confirm = page.getByRole('dialog', { name: 'Disable test.caseworker?' });
      await confirm.getByRole('button', { name: 'Disable' }).click();
      await confirm.waitFor({ state: 'detached' });
      await row.getByText('Disabled', { exact: true }).waitFor();
      await row.getByRole('button', { name: 'Actions for test.caseworker' }).click();
      await page.getByRole('menuitem', { name: 'Enable' }).click();
      await row.getByText('Active', { exact: true }).waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a data protection officer', () => {
  it('opens the audit trail and verifies the chain', async () => {
    const { context, page, pageErrors } = await openPage();
    try {
      await signIn(page, 'demo.dpo', journeys.server.demoPassword);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Home', 'Tracing requests', 'Import and export', 'Users', 'Audit trail']);

      await nav.getByRole('link', { name: 'Audit trail' }).click();
      await page.waitForURL('**/audit');
      await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
      const table = page.getByTestId('audit-table');
      await table.waitFor();
      // At least this very sign-in is on the trail.
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await table.innerText()).toMatch(/login|sign/i);

      await page.getByTestId('verify-chain').click();
      const result = page.getByTestId('verify-result');
      await result.waitFor();
      expect(await result.innerText()).toContain('The chain is intact');
      expect(await seriousViolations(page), 'accessibility of the audit page').toEqual([]);
      await screenshot(page, 'audit-en');

      await chooseLanguage(page, 'العربية');
      await page.getByRole('heading', { level: 1, name: 'سجل التدقيق' }).waitFor();
      expect(await seriousViolations(page), 'accessibility of the audit page in Arabic').toEqual([]);
      await screenshot(page, 'audit-ar');
      await chooseLanguage(page, 'English');

      // The officer may export (an audited read of everyone in scope) but not import.
      await nav.getByRole('link', { name: 'Import and export' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import and export people' }).waitFor();
      expect(await page.getByTestId('import-submit').count()).toBe(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-people').click()]);
      expect(download.suggestedFilename()).toBe('people.jsonl');
      expect(await seriousViolations(page), 'accessibility of the export page').toEqual([]);

      await signOut(page);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
