import { readFileSync } from 'node:fs';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, by axe-core's tags. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

let axeSource: string | undefined;

/**
 * Runs axe-core in the page as it is now (injected into it, the page's own
 * scripts and policy untouched) against WCAG 2.0–2.2 A and AA; returns every violation,
 * whatever its impact.
 */
export async function scanAccessibility(page: Page): Promise<Result[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol rather than added as a <script>: the
  // application's Content-Security-Policy refuses inline scripts, and stays on for the test.
  await page.evaluate(axeSource);
  const options: RunOptions = { runOnly: { type: 'tag', values: [...WCAG_AA_TAGS] }, resultTypes: ['violations'] };
  return page.evaluate(async (runOptions) => {
    const { axe } = globalThis as unknown as { axe: { run(options: RunOptions): Promise<AxeResults> } };
    return (await axe.run(runOptions)).violations;
  }, options);
}

/** The violations a person is stopped or badly hindered by: axe's serious and critical. */
export const blockingViolations = (violations: readonly Result[]) => violations.filter(({ impact }) => impact === 'serious' || impact === 'critical');

/** Each violation with the elements it was found on, and what axe says to fix there. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((violation) =>
      [
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.helpUrl}`,
        ...violation.nodes.map((node) => `    at ${node.target.join(' ')}: ${node.html}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
      ].join('\n'),
    )
    .join('\n');
}

/** Fails, listing every serious or critical violation of the page as it is now with its elements. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const blocking = blockingViolations(await scanAccessibility(page));
  if (blocking.length > 0) {
    throw new Error(`${what}: ${blocking.length} serious or critical accessibility violation(s)\n${describeViolations(blocking)}`);
  }
}
