import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { type Credentials, createTestMember, loginAs, type TestNetwork } from './auth-session';
import { type BrowserLocale, launchBrowser, openContext, policyRefusals, type ViewportName } from './browser';
import { startWebStack, type WebStack, type WebStackOptions } from './web-stack';

export interface WebSuite {
  readonly stack: WebStack;
  readonly browser: Browser;
  /**
   * A new person (no cookies, no storage) at a width, their browser asking
   * for a language, on the stack's origin unless `baseURL` says otherwise.
   * Their page's Content-Security-Policy refusals fail the current test.
   */
  open(viewport: ViewportName, locale: BrowserLocale, baseURL?: string): Promise<Page>;
  /** A new member of the network with these roles, signed in through the API (its token), under a display name if given. */
  member(network: TestNetwork, options?: { roles?: string[]; displayName?: string }): Promise<Credentials & { userId: string; token: string }>;
}

/**
 * A browser suite's lifecycle: the web stack and Chromium started before
 * the suite's own `beforeAll` (call this first), every context closed with
 * them after it, and after each test an expectation that no page met a
 * refusal of the application's Content-Security-Policy (a refused script
 * or style is a part of the page that silently does not work). `stack`
 * is read when the stack starts, so it may use what an earlier hook set up.
 */
export function useWebStack(stack: () => WebStackOptions = () => ({})): WebSuite {
  let started: { stack: WebStack; browser: Browser } | undefined;
  const contexts: BrowserContext[] = [];
  /** Each page's refusals, emptied after each test: a page kept across tests is still watched. */
  const refusedByPolicy: string[][] = [];

  beforeAll(async () => {
    const [webStack, browser] = await Promise.all([startWebStack(stack()), launchBrowser()]);
    started = { stack: webStack, browser };
  }, 180_000);

  afterEach(() => {
    const refused = refusedByPolicy.flatMap((refusals) => refusals.splice(0));
    expect(refused).toEqual([]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await started?.browser.close();
    await started?.stack.close();
  });

  const running = () => {
    if (!started) throw new Error('the web stack has not started');
    return started;
  };

  return {
    get stack() {
      return running().stack;
    },
    get browser() {
      return running().browser;
    },
    async open(viewport, locale, baseURL) {
      const context = await openContext(running().browser, { viewport, locale, baseURL: baseURL ?? running().stack.url });
      contexts.push(context);
      const page = await context.newPage();
      refusedByPolicy.push(policyRefusals(page));
      return page;
    },
    async member(network, { roles = [], displayName } = {}) {
      const identity = running().stack.apps['identity'];
      const credentials = await createTestMember(identity.http, identity.dataSource, network, { roles });
      const { accessToken } = await loginAs(identity.http, credentials);
      if (displayName) await identity.http.patch('/v1/users/me').set('authorization', `Bearer ${accessToken}`).send({ displayName }).expect(200);
      return { ...credentials, token: accessToken };
    },
  };
}

/** The login page's texts a sign-in reads, in the page's language. */
export type SignInTexts = Readonly<Record<'login.title' | 'login.network' | 'login.email' | 'login.password' | 'home.title', string>>;

/** Signs a member in through the login page, typing their network, address and password, and waits for their home. */
export async function signIn(page: Page, member: { network: string; email: string; password: string }, text: SignInTexts): Promise<void> {
  await page.goto('/login');
  await page.getByRole('heading', { level: 1, name: text['login.title'] }).waitFor();
  await page.getByLabel(text['login.network'], { exact: true }).fill(member.network);
  await page.getByLabel(text['login.email'], { exact: true }).fill(member.email);
  await page.getByLabel(text['login.password'], { exact: true }).fill(member.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: text['home.title'] }).waitFor({ timeout: 15_000 });
}

/** Whether what is on screen fits the width: nothing to scroll sideways for. */
export function fitsWidth(page: Page): Promise<boolean> {
  // Evaluated in the page; this library is compiled without the DOM's types.
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth <= root.clientWidth;
  });
}

/** The shell's texts following the menu reads, in the page's language. */
export type MenuTexts = Readonly<Record<'nav.menu' | 'nav.label', string>>;

/** Follows an entry of the main navigation (behind the menu button at a phone's width) and waits for its page's title. */
export async function openFromMenu(page: Page, text: MenuTexts, label: string, title: string): Promise<void> {
  const toggle = page.getByRole('button', { name: text['nav.menu'], exact: true });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('navigation', { name: text['nav.label'] }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 15_000 });
}

/** Picks a choice of a group by clicking its label, as a person does (React Aria keeps the input itself visually hidden). */
export function choose(group: Locator, label: string): Promise<void> {
  return group.getByText(label, { exact: true }).click();
}
