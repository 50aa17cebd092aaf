import fs from 'node:fs';
import { ensureWebBuilt } from '../../scripts/web-build.mjs';

/**
 * Runs once before the journeys: makes sure Debian's Chromium is there (we never download a browser) and
 * that the web app the server will serve is built from the current sources.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export default function setup(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `End-to-end journeys need Debian's Chromium at ${CHROMIUM_PATH}, which is missing. ` +
        'Install it with `apt-get update && apt-get install -y chromium` (no browser is downloaded by Playwright here).',
    );
  }
  ensureWebBuilt();
}
