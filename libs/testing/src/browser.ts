import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { repositoryRoot } from './repository-root';

/**
 * Debian's Chromium (the `chromium` package), driven by playwright-core,
 * which brings no browser of its own. CHROMIUM_PATH points elsewhere.
 */
export async function launchBrowser(): Promise<Browser> {
  // Loaded on first use: most suites importing this library drive no browser.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    // No sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    // The rest keeps the browser from reaching out on its own (updates, first-run pages), so a test only sees its own traffic.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** The widths the application is tested at: a desk's screen, and a phone held upright, touched rather than clicked. */
export const VIEWPORTS = {
  desk: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const satisfies Record<string, BrowserContextOptions>;

export type ViewportName = keyof typeof VIEWPORTS;

/** The languages a person's browser may ask for: French (the default), British English. */
export type BrowserLocale = 'fr-FR' | 'en-GB';

export interface PersonOptions {
  readonly viewport: ViewportName;
  /** navigator.languages and the Accept-Language header. */
  readonly locale: BrowserLocale;
  /** Where relative `page.goto()` paths lead (the web stack's url). */
  readonly baseURL?: string;
}

/** A fresh browser context (no cookies, no storage) as one person at one width and in one language. */
export function openContext(browser: Browser, { viewport, locale, baseURL }: PersonOptions): Promise<BrowserContext> {
  return browser.newContext({ ...VIEWPORTS[viewport], locale, baseURL });
}

/**
 * What the page's Content-Security-Policy refuses from now on (Chromium
 * reports each refusal on the console), filled as the page runs, for a test
 * to expect none: a refused script or style is a part of the page that
 * silently does not work.
 */
export function policyRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text());
  });
  return refused;
}

/** Where screenshots are kept for a person to look at (test-artifacts/ at the repository root, ignored by git). */
export const SCREENSHOT_DIR = join(repositoryRoot(), 'test-artifacts', 'screenshots');

/** The whole page as a PNG, `test-artifacts/screenshots/<name>.png`; returns its path. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`a screenshot's name is lower-case letters, digits and hyphens: ${JSON.stringify(name)}`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
