import type { Page } from 'playwright-core';

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
