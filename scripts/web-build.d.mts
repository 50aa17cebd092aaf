/** True when apps/web/dist is missing or older than any source it is built from. */
export function webBuildIsStale(): boolean;
/** Build the web app if needed; throws when the build fails. Returns whether it built. */
export function ensureWebBuilt(options?: { quiet?: boolean }): boolean;
