import { readFileSync } from 'node:fs';

/** The running version, from the server package (one source of truth for health and OpenAPI). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
