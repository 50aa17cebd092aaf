import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../../apps/server/test/start-server';
import { launchBrowser, newContext } from './browser';

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

/**
 * One real server (fresh embedded database, demo mode) and one Chromium per journey file, started before
 * the journeys and closed after them; `openPage` gives each journey a fresh browser profile whose page
 * errors are collected, so that a crash in the app fails the test.
 */
export function setUpJourneys() {
  const state: { server?: TestServer; browser?: Browser } = {};
  beforeAll(async () => {
    [state.server, state.browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return {
    get server(): TestServer {
      if (!state.server) throw new Error('The journey server is not running yet.');
      return state.server;
    },
    async openPage(): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
      if (!state.browser || !state.server) throw new Error('The journey browser is not running yet.');
      const context = await newContext(state.browser, state.server.url);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return { context, page, pageErrors };
    },
  };
}
