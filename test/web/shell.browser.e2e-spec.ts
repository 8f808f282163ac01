import { adminToken, type Credentials, createTestMember, createTestNetwork, expectAccessible, fitsWidth, keepScreenshot, type TestNetwork, useWebStack, type ViewportName } from '@passerelle/testing';
import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { fr } from '../../apps/web/src/i18n/fr';
import { CATALOGUES, EVERY_VIEW, type Language, LOCALES } from './catalogues';

/**
 * The web application in Debian's Chromium, served by the one origin in
 * front of the five real services: the login page in both languages at a
 * desk's and a phone's width with no serious accessibility violation,
 * signing in with the keyboard alone, and a wrong password; nothing the
 * application does is refused by its own Content-Security-Policy. Elements are
 * found by role and label, as a screen reader finds them; the screenshots
 * are kept in test-artifacts/screenshots/.
 */
describe('the web application in a browser: the login page', () => {
  const suite = useWebStack();
  let network: TestNetwork;
  let member: Credentials;

  beforeAll(async () => {
    const identity = suite.stack.apps['identity'];
    network = await createTestNetwork(identity.http, await adminToken(identity.http), 'web');
    member = await createTestMember(identity.http, identity.dataSource, network);
  });

  /**
   * A new person (no cookies, no storage) at a width and in the browser's
   * language, opening the application's address: with no session, it is the
   * login page.
   */
  async function visit(viewport: ViewportName, language: Language): Promise<Page> {
    const page = await suite.open(viewport, LOCALES[language]);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: CATALOGUES[language]['login.title'] }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    return page;
  }

  const fieldsOf = (page: Page, text: (typeof CATALOGUES)[Language]) => ({
    network: page.getByLabel(text['login.network'], { exact: true }),
    email: page.getByLabel(text['login.email'], { exact: true }),
    password: page.getByLabel(text['login.password'], { exact: true }),
  });

  const isFocused = (page: Page, label: string) =>
    page.getByLabel(label, { exact: true }).evaluate((element) => element === (element.ownerDocument as { activeElement: unknown }).activeElement);

  describe.each(EVERY_VIEW)('at a %s’s width, a browser asking for %s', (viewport, language) => {
    it('shows the login page in that language, fitting the width, with no serious accessibility violation', async () => {
      const page = await visit(viewport, language);
      const text = CATALOGUES[language];
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      const fields = fieldsOf(page, text);
      for (const field of Object.values(fields)) expect(await field.isVisible()).toBe(true);
      expect(await fields.password.getAttribute('type')).toBe('password');
      expect(await page.getByRole('button', { name: text['login.submit'], exact: true }).isEnabled()).toBe(true);
      expect(await fitsWidth(page)).toBe(true);
      await expectAccessible(page, `the login page (${viewport}, ${language})`);
      await keepScreenshot(page, `login-${viewport}-${language}`);
    });
  });

  it('switches from French to English at once with the language switcher', async () => {
    const page = await visit('phone', 'fr');
    await page.getByRole('combobox', { name: fr['language.label'], exact: true }).selectOption({ label: en['language.en'] });
    await page.getByRole('heading', { level: 1, name: en['login.title'] }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await fieldsOf(page, en).email.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: fr['login.title'] }).count()).toBe(0);
    await expectAccessible(page, 'the login page switched to English');
    await keepScreenshot(page, 'login-phone-switched-en');
  });

  it('signs a member in with the keyboard alone (Tab from where the page puts the focus, typing, Enter), for longer than the page', async () => {
    const page = await visit('desk', 'fr');
    // Wherever the page puts the focus (its heading, or the top of the page), Tab reaches the first field without a pointer.
    for (let presses = 0; !(await isFocused(page, fr['login.network'])); presses += 1) {
      if (presses === 10) throw new Error('ten presses of Tab never reached the network field');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type(network.slug);
    await page.keyboard.press('Tab');
    expect(await isFocused(page, fr['login.email'])).toBe(true);
    await page.keyboard.type(member.email);
    await page.keyboard.press('Tab');
    expect(await isFocused(page, fr['login.password'])).toBe(true);
    await page.keyboard.type(member.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: fr['home.title'] }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText(fr['home.greeting'].replace('{{name}}', 'Test member'), { exact: true }).waitFor();
    await expectAccessible(page, 'the signed-in home');
    await keepScreenshot(page, 'home-desk-fr');
    // The session outlives the page: a reload is signed in again from the HttpOnly cookie, with no password asked.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: fr['home.title'] }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('has an accessibility check that fails, naming each element, where a person would be stopped', async () => {
    const page = await suite.open('desk', 'en-GB');
    await page.setContent(
      '<!doctype html><html lang="en"><title>Broken</title><main><input id="nameless" type="text">' +
        '<p id="faint" style="color:#bbbbbb;background:#ffffff">Hardly readable</p></main></html>',
    );
    const failure = await expectAccessible(page, 'a broken page').then(
      () => new Error('the check passed a page with an unlabelled field and faint text'),
      (error: Error) => error,
    );
    expect(failure.message).toContain('a broken page: 2 serious or critical accessibility violation(s)');
    expect(failure.message).toMatch(/^label \(critical\): .*\n {4}at #nameless: <input id="nameless" type="text">/m);
    expect(failure.message).toMatch(/^color-contrast \(serious\): .*\n {4}at #faint: <p id="faint"/m);
  });

  it('answers a wrong password with the general error, keeping what was typed and marking no field', async () => {
    const page = await visit('phone', 'en');
    const fields = fieldsOf(page, en);
    await fields.network.fill(network.slug);
    await fields.email.fill(member.email);
    await fields.password.fill(`${member.password}-wrong`);
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: en['login.error.invalidCredentials'] });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toBe(en['login.error.invalidCredentials']);
    expect({ network: await fields.network.inputValue(), email: await fields.email.inputValue(), password: await fields.password.inputValue() }).toEqual({
      network: network.slug,
      email: member.email,
      password: `${member.password}-wrong`,
    });
    for (const field of Object.values(fields)) expect(await field.getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(page, 'the login page with its general error');
    await keepScreenshot(page, 'login-error-phone-en');
  });
});
