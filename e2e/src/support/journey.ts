import type { Locator, Page } from 'playwright-core';

/** Signs in through the form, as a person would, and waits for the home page. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL('**/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
}

/** Opens the language menu and picks a language by its own name (e.g. "العربية"). */
export async function chooseLanguage(page: Page, name: string): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name }).click();
  await page.getByRole('menu').waitFor({ state: 'detached' });
}

/** Signs out through the account menu and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL('**/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
}

/** A form field by its whole label, whether or not the label carries the "required" asterisk. */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/** Opens a Mantine select by its label and picks the option with this text. */
export async function choose(scope: Page | Locator, page: Page, label: string, option: string | RegExp): Promise<void> {
  await field(scope, label).click();
  await page.getByRole('option', { name: option }).first().click();
}
