import { adminToken, type Credentials, createTestMember, expectAccessible, fitsWidth, keepScreenshot, loginAs, signIn, type TestNetwork, useWebStack, type ViewportName } from '@passerelle/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { fr } from '../../apps/web/src/i18n/fr';
import { CATALOGUES, EVERY_VIEW, type Language, LOCALES, type Text } from './catalogues';
/** A token of the shape the mails carry, for showing the mail pages (it is only sent when a form is submitted). */
const SAMPLE_TOKEN = 'k3Y9sW2d8Jq1LmN0pQ7rT4uV6xZ5aB3cD2eF1gH0iJ8';

/**
 * The account journey in Debian's Chromium, in front of the five real
 * services and the real SMTP server they send to: registering on an open
 * network and following the mail's link, joining by an invitation's mail,
 * resetting a forgotten password by mail, then the profile page (a refusal
 * beside its field, the language kept in the profile, the data downloaded,
 * the erasure). Every page of the journey is scanned by axe at a desk's and
 * a phone's width in both languages, and none meets a refusal of the
 * Content-Security-Policy; screenshots in test-artifacts/screenshots/.
 */
describe('the account journey in a browser', () => {
  const suite = useWebStack();
  let admin: string;
  let network: TestNetwork;

  beforeAll(async () => {
    const identity = suite.stack.apps['identity'];
    admin = await adminToken(identity.http);
    const slug = `open-${randomUUID().slice(0, 8)}`;
    const created = await identity.http
      .post('/v1/networks')
      .set('authorization', `Bearer ${admin}`)
      .send({ name: `Alumni ${slug}`, slug, allowedEmailDomains: ['example.org'], registrationPolicy: 'open' })
      .expect(201);
    network = { id: created.body.id, slug };
  });

  const identity = () => suite.stack.apps['identity'].http;

  /** A new person (no cookies, no storage) at a width, their browser asking for a language. */
  function person(viewport: ViewportName, language: Language): Promise<Page> {
    return suite.open(viewport, LOCALES[language]);
  }

  const pageTitled = (page: Page, title: string) => page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor({ timeout: 15_000 });
  const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });


  async function openProfile(page: Page, text: Text): Promise<void> {
    const toggle = page.getByRole('button', { name: text['nav.menu'], exact: true });
    if (await toggle.isVisible()) await toggle.click();
    await page.getByRole('link', { name: text['nav.profile'], exact: true }).click();
    await pageTitled(page, text['profile.title']);
    await field(page, text['profile.displayName']).waitFor();
  }

  const member = (): Promise<Credentials & { userId: string }> => createTestMember(identity(), suite.stack.apps['identity'].dataSource, network);
  const linkIn = (mail: { links: readonly string[] }, page: string) => {
    const link = mail.links.find((candidate) => candidate.startsWith(`${suite.stack.url}/${page}?network=${network.slug}#token=`));
    if (!link) throw new Error(`no ${page} link in ${JSON.stringify(mail.links)}`);
    return link;
  };

  describe.each(EVERY_VIEW)('at a %s’s width in %s', (viewport, language) => {
    it('shows every page of the journey in that language, fitting the width, with no serious accessibility violation', async () => {
      const text = CATALOGUES[language];
      const page = await person(viewport, language);
      const pages: [string, string, string][] = [
        [`/register?network=${network.slug}`, text['register.title'], 'register'],
        [`/verify-email?network=${network.slug}#token=${SAMPLE_TOKEN}`, text['verify.title'], 'verify-email'],
        [`/accept-invitation?network=${network.slug}#token=${SAMPLE_TOKEN}`, text['invitation.title'], 'accept-invitation'],
        [`/reset-password?network=${network.slug}`, text['reset.request.title'], 'reset-password'],
        [`/reset-password?network=${network.slug}#token=${SAMPLE_TOKEN}`, text['reset.confirm.title'], 'new-password'],
      ];
      for (const [path, title, name] of pages) {
        await page.goto(path);
        await pageTitled(page, title);
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        expect(await fitsWidth(page)).toBe(true);
        await expectAccessible(page, `${name} (${viewport}, ${language})`);
        await keepScreenshot(page, `account-${name}-${viewport}-${language}`);
      }

      await signIn(page, await member(), text);
      await openProfile(page, text);
      expect(await fitsWidth(page)).toBe(true);
      await expectAccessible(page, `the profile page (${viewport}, ${language})`);
      await keepScreenshot(page, `account-profile-${viewport}-${language}`);
    });
  });

  it('registers on an open network, confirms the address from the mail’s link, and signs in', async () => {
    const page = await person('desk', 'fr');
    const email = `camille-${randomUUID().slice(0, 8)}@example.org`;
    const password = `a passphrase ${randomUUID().slice(0, 8)}`;
    await page.goto('/login');
    await pageTitled(page, fr['login.title']);
    await field(page, fr['login.network']).fill(network.slug);
    await page.getByRole('link', { name: fr['login.register'], exact: true }).click();
    await pageTitled(page, fr['register.title']);
    expect(await field(page, fr['login.network']).inputValue()).toBe(network.slug);
    // With the keyboard alone, from where the page puts the focus (its heading).
    for (let presses = 0; !(await isFocused(field(page, fr['login.network']))); presses += 1) {
      if (presses === 10) throw new Error('ten presses of Tab never reached the network field');
      await page.keyboard.press('Tab');
    }
    for (const [label, value] of [
      [fr['register.displayName'], 'Camille Durand'],
      [fr['login.email'], email],
      [fr['login.password'], password],
    ]) {
      await page.keyboard.press('Tab');
      expect(await isFocused(field(page, label))).toBe(true);
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Enter');
    await pageTitled(page, fr['mailbox.title']);
    await page.getByText(fr['mailbox.sentTo'].replace('{{email}}', email), { exact: true }).waitFor();
    await expectAccessible(page, 'the mailbox page');
    await keepScreenshot(page, 'account-mailbox-desk-fr');

    const link = linkIn(await suite.stack.smtp.waitFor(email, /Confirm your e-mail address/), 'verify-email');
    await page.goto(link);
    await pageTitled(page, fr['verify.title']);
    // The token leaves the address bar once read.
    expect(page.url()).toBe(`${suite.stack.url}/verify-email?network=${network.slug}`);
    await field(page, fr['login.password']).fill(password);
    await button(page, fr['verify.submit']).click();
    await pageTitled(page, fr['login.title']);
    await page.getByText(fr['login.notice.accountActive'], { exact: true }).waitFor();
    expect(await field(page, fr['login.network']).inputValue()).toBe(network.slug);
    await expectAccessible(page, 'the login page after the confirmation');
    await keepScreenshot(page, 'account-confirmed-desk-fr');
    await field(page, fr['login.email']).fill(email);
    await field(page, fr['login.password']).fill(password);
    await page.keyboard.press('Enter');
    await pageTitled(page, fr['home.title']);
    await page.getByText(fr['home.greeting'].replace('{{name}}', 'Camille Durand'), { exact: true }).waitFor();
  });

  it('joins by the invitation’s mail, signed in at once', async () => {
    const email = `jules-${randomUUID().slice(0, 8)}@example.org`;
    await identity().post(`/v1/networks/${network.id}/invitations`).set('authorization', `Bearer ${admin}`).send({ email }).expect(201);
    const link = linkIn(await suite.stack.smtp.waitFor(email, /You are invited/), 'accept-invitation');

    const page = await person('phone', 'en');
    await page.goto(link);
    await pageTitled(page, en['invitation.title']);
    expect(page.url()).toBe(`${suite.stack.url}/accept-invitation?network=${network.slug}`);
    await field(page, en['login.email']).fill(email);
    await field(page, en['register.displayName']).fill('Jules Martin');
    await field(page, en['login.password']).fill(`a passphrase ${randomUUID().slice(0, 8)}`);
    await button(page, en['invitation.submit']).click();
    await pageTitled(page, en['home.title']);
    await page.getByText(en['home.greeting'].replace('{{name}}', 'Jules Martin'), { exact: true }).waitFor();
    await keepScreenshot(page, 'account-invited-home-phone-en');
  });

  it('resets a forgotten password from its mail, and signs in with the new one only', async () => {
    const credentials = await member();
    const page = await person('phone', 'fr');
    await page.goto('/login');
    await pageTitled(page, fr['login.title']);
    await field(page, fr['login.network']).fill(network.slug);
    await page.getByRole('link', { name: fr['login.forgotPassword'], exact: true }).click();
    await pageTitled(page, fr['reset.request.title']);
    await field(page, fr['login.email']).fill(credentials.email);
    await button(page, fr['reset.request.submit']).click();
    await pageTitled(page, fr['mailbox.title']);

    const link = linkIn(await suite.stack.smtp.waitFor(credentials.email, /Reset your password/), 'reset-password');
    await page.goto(link);
    await pageTitled(page, fr['reset.confirm.title']);
    const newPassword = `a new passphrase ${randomUUID().slice(0, 8)}`;
    await field(page, fr['reset.confirm.newPassword']).fill(newPassword);
    await button(page, fr['reset.confirm.submit']).click();
    await pageTitled(page, fr['login.title']);
    await page.getByText(fr['login.notice.passwordReset'], { exact: true }).waitFor();
    await keepScreenshot(page, 'account-password-reset-phone-fr');

    await field(page, fr['login.email']).fill(credentials.email);
    await field(page, fr['login.password']).fill(credentials.password);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: fr['login.error.invalidCredentials'] }).waitFor();
    await field(page, fr['login.password']).fill(newPassword);
    await page.keyboard.press('Enter');
    await pageTitled(page, fr['home.title']);
  });

  it('edits the profile: the service’s refusal beside its field, then saved as the service holds it', async () => {
    const credentials = await member();
    const page = await person('desk', 'fr');
    await signIn(page, { ...credentials, network: network.slug }, fr);
    await openProfile(page, fr);

    const year = field(page, fr['profile.graduationYear']);
    await year.fill('2999');
    await field(page, fr['profile.city']).fill('Lyon');
    await button(page, fr['profile.save']).click();
    await page.getByText('must be at most ten years from now', { exact: true }).waitFor();
    expect(await year.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(year)).toContain('must be at most ten years from now');
    expect(await field(page, fr['profile.city']).inputValue()).toBe('Lyon');
    await expectAccessible(page, 'the profile page with a refused field');
    await keepScreenshot(page, 'account-profile-refused-desk-fr');

    await year.fill('2012');
    await field(page, fr['profile.addLanguage']).selectOption({ label: 'Allemand' });
    await button(page, fr['profile.add']).click();
    await field(page, fr['profile.country']).selectOption({ label: 'France' });
    await button(page, fr['profile.save']).click();
    await page.getByText(fr['profile.saved'], { exact: true }).waitFor();
    expect(await year.getAttribute('aria-invalid')).toBeNull();

    const { accessToken } = await loginAs(identity(), credentials);
    const saved = await identity().get('/v1/users/me').set('authorization', `Bearer ${accessToken}`).expect(200);
    expect(saved.body).toMatchObject({ graduationYear: 2012, city: 'Lyon', country: 'FR', languages: ['de'] });
  });

  it('keeps the language switched to in the profile: after a reload, and on the next sign-in', async () => {
    const credentials = await member();
    const page = await person('phone', 'fr');
    await signIn(page, { ...credentials, network: network.slug }, fr);
    await openProfile(page, fr);
    const saved = page.waitForResponse((response) => response.url().endsWith('/v1/users/me') && response.request().method() === 'PATCH');
    await page.getByRole('combobox', { name: fr['language.label'], exact: true }).selectOption({ label: en['language.en'] });
    await pageTitled(page, en['profile.title']);
    expect((await saved).status()).toBe(200);

    await page.reload();
    await pageTitled(page, en['profile.title']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Another browser, asking for French: the profile's language wins once signed in.
    const elsewhere = await person('desk', 'fr');
    await elsewhere.goto(`/login?network=${network.slug}`);
    await pageTitled(elsewhere, fr['login.title']);
    await field(elsewhere, fr['login.email']).fill(credentials.email);
    await field(elsewhere, fr['login.password']).fill(credentials.password);
    await elsewhere.keyboard.press('Enter');
    await pageTitled(elsewhere, en['home.title']);
    expect(await elsewhere.locator('html').getAttribute('lang')).toBe('en');
  });

  it('downloads the person’s data as a JSON file', async () => {
    const credentials = await member();
    const page = await person('desk', 'en');
    await signIn(page, { ...credentials, network: network.slug }, en);
    await openProfile(page, en);
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, en['myData.export']).click()]);
    expect(download.suggestedFilename()).toBe('passerelle-identity-export.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported).toMatchObject({ account: { id: credentials.userId, email: credentials.email, status: 'active' }, network: { id: network.id, slug: network.slug } });
    await page.getByText(en['myData.exported'], { exact: true }).waitFor();
  });

  it('erases the account once confirmed: signed out, told so, and never signed in again', async () => {
    const credentials = await member();
    const page = await person('phone', 'en');
    await signIn(page, { ...credentials, network: network.slug }, en);
    await openProfile(page, en);
    // Escape leaves the question unanswered, and the focus back on the button that asked it.
    await button(page, en['erase.trigger']).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await isFocused(button(page, en['erase.trigger']))).toBe(true);

    await button(page, en['erase.trigger']).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: en['erase.title'], exact: true }).waitFor();
    await expectAccessible(page, 'the erasure’s confirmation');
    await keepScreenshot(page, 'account-erase-confirm-phone-en');
    await dialog.getByRole('button', { name: en['erase.confirm'], exact: true }).click();

    await pageTitled(page, en['login.title']);
    await page.getByText(en['login.notice.erased'], { exact: true }).waitFor();
    expect(await page.getByRole('navigation', { name: en['nav.label'] }).count()).toBe(0);
    await keepScreenshot(page, 'account-erased-phone-en');
    await field(page, en['login.network']).fill(network.slug);
    await field(page, en['login.email']).fill(credentials.email);
    await field(page, en['login.password']).fill(credentials.password);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: en['login.error.invalidCredentials'] }).waitFor();
  });
});

function isFocused(locator: ReturnType<Page['getByLabel']>): Promise<boolean> {
  return locator.evaluate((element) => element === (element.ownerDocument as { activeElement: unknown }).activeElement);
}

/** What a screen reader reads after a field's label: the texts its aria-describedby names. */
function describedBy(locator: ReturnType<Page['getByLabel']>): Promise<string> {
  return locator.evaluate((element) => {
    const document = element.ownerDocument as unknown as { getElementById(id: string): { textContent: string | null } | null };
    return (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id: string) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  });
}
