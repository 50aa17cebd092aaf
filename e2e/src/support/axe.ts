import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One accessibility problem as axe reports it, cut down to what a failing test should print. */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** What axe says is wrong with each node. */
  summaries: string[];
}

/**
 * Runs axe-core inside the page (WCAG 2.x A and AA rules plus best practices) and returns the serious and
 * critical violations; minor and moderate ones are left to review.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // A drawer or dialog still fading in has half-transparent text: measure colours once transitions end.
  // Endless animations (a loader, a striped progress bar) are skipped, and the wait is capped at 2 s.
  await page.evaluate(() => {
    const finite = document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
    const ended = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    return Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2000))]);
  });
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, so the app's Content-Security-Policy (no inline scripts) stays on.
  if (!loaded) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await runner.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
      summaries: v.nodes.map((n) => `${n.html.slice(0, 160)} — ${n.failureSummary ?? ''}`),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
