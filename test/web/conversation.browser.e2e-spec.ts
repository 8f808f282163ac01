import { readFileSync } from 'node:fs';
import {
  adminToken,
  type Credentials,
  createTestNetwork,
  expectAccessible,
  expectEventually,
  keepScreenshot,
  signIn,
  TcpProxy,
  useWebStack,
  type ViewportName,
  VIEWPORTS,
} from '@passerelle/testing';
import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { fr } from '../../apps/web/src/i18n/fr';
import { answers, bearer, publishedProgramme } from '../matching/matching-fixtures';
import { CATALOGUES, type Language, LOCALES, say, type Text } from './catalogues';

interface Person {
  readonly credentials: Credentials & { userId: string };
  readonly name: string;
  readonly language: Language;
  readonly viewport: ViewportName;
  page?: Page;
}

/**
 * A mentor and a mentee of an accepted match, each in a browser of their
 * own (the mentor at a desk in French, the mentee on a phone in English,
 * reaching the one origin through a TCP hop the test can cut), in front of
 * the five real services: they write to each other live, the mentee's
 * connection drops while the mentor writes and comes back with every
 * message once and in order, the unread count and the read receipt follow;
 * then a session is proposed, confirmed, added to a calendar from the
 * downloaded file, moved and cancelled. Every page is scanned for serious
 * accessibility violations and kept as screenshots at both widths in both
 * languages.
 */
describe('the web application in a browser: a pair’s conversation and sessions', () => {
  const suite = useWebStack(() => ({ env: { communication: { SESSION_VIDEO_URL_TEMPLATE: 'https://meet.example.org/passerelle-{room}' } } }));
  let proxy: TcpProxy;
  let mentor: Person;
  let mentee: Person;
  const slug = `${Date.now().toString(36)}`;

  beforeAll(async () => {
    const gateway = new URL(suite.stack.url);
    proxy = await new TcpProxy(gateway.hostname, Number(gateway.port)).start();
    const pair = await acceptedPair();
    mentor = { credentials: pair.mentor, name: `Mentor ${slug}`, language: 'fr', viewport: 'desk' };
    mentee = { credentials: pair.mentee, name: `Mentee ${slug}`, language: 'en', viewport: 'phone' };
    await signInPerson(mentor, suite.stack.url);
    // The mentee reaches the same origin through the proxy (the session cookie is the host's, whatever the port).
    await signInPerson(mentee, `http://127.0.0.1:${proxy.port}`);
  }, 240_000);

  afterAll(async () => {
    await proxy?.stop();
  });

  /**
   * An organizer's programme, a mentor and a mentee enrolled in it, paired
   * by the organizer and both accepting: all through the services' APIs,
   * until communication has opened the pair's conversation.
   */
  async function acceptedPair() {
    const { identity, intake, matching, communication } = suite.stack.apps;
    const network = await createTestNetwork(identity.http, await adminToken(identity.http), 'talk');
    const person = async (role: string, roles: string[]) => {
      const member = await suite.member(network, { roles, displayName: `${role[0].toUpperCase()}${role.slice(1)} ${slug}` });
      return { credentials: member, token: member.token };
    };
    const [organizer, mentorOne, menteeOne] = await Promise.all([person('organizer', ['organizer']), person('mentor', []), person('mentee', [])]);
    const programId = await publishedProgramme(intake.http, organizer.token, { name: `Programme ${slug}` });
    const enrol = async (who: { token: string }, role: 'mentor' | 'mentee') =>
      (
        await intake.http
          .post('/v1/enrollments')
          .set(bearer(who.token))
          .send({ programId, role, templateVersion: 1, answers: answers(['fr', 'en'], [{ id: 'data-analysis', level: 4 }], role), baseline: { confidence: 3, communication: 3, leadership: 3, networkSize: 2 } })
          .expect(201)
      ).body.id as string;
    const menteeEnrollmentId = await enrol(menteeOne, 'mentee');
    const mentorEnrollmentId = await enrol(mentorOne, 'mentor');
    const match = await expectEventually(
      async () =>
        (
          await matching.http
            .post('/v1/matches')
            .set(bearer(organizer.token))
            .send({ programId, menteeEnrollmentId, mentorEnrollmentId, reason: 'A good fit' })
            .expect(201)
        ).body as { id: string },
      { timeoutMs: 30_000 },
    );
    for (const who of [menteeOne, mentorOne]) await matching.http.post(`/v1/matches/${match.id}/accept`).set(bearer(who.token)).expect(200);
    await expectEventually(
      async () => {
        const listed = await communication.http.get('/v1/conversations').set(bearer(menteeOne.token)).expect(200);
        expect(listed.body.items.map((item: { matchId: string }) => item.matchId)).toEqual([match.id]);
      },
      { timeoutMs: 30_000 },
    );
    return { mentor: mentorOne.credentials, mentee: menteeOne.credentials };
  }

  /** Signs the person in through the login page, in a browser of their own. */
  async function signInPerson(person: Person, baseURL: string): Promise<void> {
    person.page = await suite.open(person.viewport, LOCALES[person.language], baseURL);
    await signIn(person.page, person.credentials, CATALOGUES[person.language]);
  }

  const pageOf = (person: Person): Page => {
    if (!person.page) throw new Error('not signed in');
    return person.page;
  };

  /** Follows a menu entry (behind the menu button at a phone's width). */
  async function openMenu(person: Person, label: 'nav.messages' | 'nav.sessions'): Promise<void> {
    const page = pageOf(person);
    const text = CATALOGUES[person.language];
    const toggle = page.getByRole('button', { name: text['nav.menu'], exact: true });
    if (await toggle.isVisible()) await toggle.click();
    await page.getByRole('navigation').getByRole('link', { name: text[label], exact: true }).click();
  }

  /** The texts of the conversation's log, in their order on screen. */
  const logTexts = (page: Page) => page.getByRole('log').locator('li .message-text').allTextContents();

  /** Types a message and sends it with Enter, as a keyboard user does. */
  async function write(person: Person, message: string): Promise<void> {
    const page = pageOf(person);
    const composer = page.getByLabel(CATALOGUES[person.language]['conversations.compose'], { exact: true });
    await composer.focus();
    await page.keyboard.type(message);
    await page.keyboard.press('Enter');
    await expectEventually(async () => expect(await composer.inputValue()).toBe(''));
  }

  const showsOnce = (page: Page, messages: readonly string[]) =>
    expectEventually(
      async () => {
        const texts = await logTexts(page);
        expect(texts.filter((entry) => messages.includes(entry))).toEqual(messages);
      },
      { timeoutMs: 20_000 },
    );

  /** Switches the page's language with the header's switcher. */
  const speak = (page: Page, language: Language) => page.locator('.language-switcher select').selectOption(language);

  /** At both widths and in both languages: no serious violation, and a screenshot of each; then back to the person's own. */
  async function scanEverywhere(person: Person, name: string, ready: (text: Text) => Promise<void>): Promise<void> {
    const page = pageOf(person);
    for (const language of ['fr', 'en'] as const) {
      await speak(page, language);
      await ready(CATALOGUES[language]);
      for (const viewport of ['desk', 'phone'] as const) {
        await page.setViewportSize(VIEWPORTS[viewport].viewport);
        await expectAccessible(page, `${name} (${viewport}, ${language})`);
        await keepScreenshot(page, `${name}-${viewport}-${language}`);
      }
    }
    await page.setViewportSize(VIEWPORTS[person.viewport].viewport);
    await speak(page, person.language);
    await ready(CATALOGUES[person.language]);
  }

  it('lets the pair write to each other live, both ways, with the keyboard alone', async () => {
    await openMenu(mentor, 'nav.messages');
    await pageOf(mentor).getByRole('link', { name: new RegExp(mentee.name) }).click();
    await pageOf(mentor).getByRole('heading', { level: 1, name: say(fr['conversations.with'], { name: mentee.name }) }).waitFor();
    await openMenu(mentee, 'nav.messages');
    await pageOf(mentee).getByRole('link', { name: new RegExp(mentor.name) }).click();
    await pageOf(mentee).getByRole('heading', { level: 1, name: say(en['conversations.with'], { name: mentor.name }) }).waitFor();

    await write(mentor, 'Bonjour ! Ravi de faire équipe.');
    await showsOnce(pageOf(mentee), ['Bonjour ! Ravi de faire équipe.']);
    await write(mentee, 'Hello! Thursday evening suits me.');
    await showsOnce(pageOf(mentor), ['Bonjour ! Ravi de faire équipe.', 'Hello! Thursday evening suits me.']);
    // The mentee had the conversation open: the mentor's message shows as read by them.
    await pageOf(mentor).getByText(say(fr['conversations.read'], { name: mentee.name }), { exact: true }).waitFor({ timeout: 15_000 });
    expect(await pageOf(mentor).getByRole('log').getAttribute('aria-live')).toBe('polite');
  });

  it('shows every message written while the mentee was cut off once, in order, when the connection comes back', async () => {
    const menteePage = pageOf(mentee);
    const missed = ['Premier message pendant la coupure', 'Deuxième message pendant la coupure', 'Troisième message pendant la coupure'];
    proxy.disconnect();
    await pageOf(mentee).context().setOffline(true);
    await menteePage.getByText(en['conversations.reconnecting'], { exact: true }).waitFor({ timeout: 15_000 });
    for (const message of missed) await write(mentor, message);
    await showsOnce(pageOf(mentor), missed);
    expect((await logTexts(menteePage)).filter((entry) => missed.includes(entry))).toEqual([]);

    proxy.restore();
    await pageOf(mentee).context().setOffline(false);
    await showsOnce(menteePage, ['Bonjour ! Ravi de faire équipe.', 'Hello! Thursday evening suits me.', ...missed]);
    await menteePage.getByText(en['conversations.reconnecting'], { exact: true }).waitFor({ state: 'hidden', timeout: 15_000 });
    // Nothing doubled either on the side that stayed connected.
    await showsOnce(pageOf(mentor), ['Bonjour ! Ravi de faire équipe.', 'Hello! Thursday evening suits me.', ...missed]);
    await pageOf(mentor).getByText(say(fr['conversations.read'], { name: mentee.name }), { exact: true }).waitFor({ timeout: 15_000 });
    expect(await pageOf(mentor).getByText(say(fr['conversations.read'], { name: mentee.name }), { exact: true }).count()).toBe(1);
  });

  it('counts what the mentee has not read in the list, live, and tells the mentor once it is read', async () => {
    const menteePage = pageOf(mentee);
    await menteePage.getByRole('link', { name: en['conversations.back'], exact: true }).click();
    await menteePage.getByRole('heading', { level: 1, name: en['conversations.title'] }).waitFor();
    await write(mentor, 'Tu as vu mon dernier message ?');
    await menteePage.getByText(say(en['conversations.unread'], { count: 1 }), { exact: true }).waitFor({ timeout: 15_000 });
    await scanEverywhere(mentee, 'messages-list', (text) => pageOf(mentee).getByRole('heading', { level: 1, name: text['conversations.title'] }).waitFor());

    await menteePage.getByRole('link', { name: new RegExp(mentor.name) }).click();
    await showsOnce(menteePage, ['Tu as vu mon dernier message ?']);
    const readMark = pageOf(mentor).locator('li', { hasText: 'Tu as vu mon dernier message ?' }).getByText(say(fr['conversations.read'], { name: mentee.name }), { exact: true });
    await readMark.waitFor({ timeout: 15_000 });
    await scanEverywhere(mentor, 'conversation', (text) => pageOf(mentor).getByRole('heading', { level: 1, name: say(text['conversations.with'], { name: mentee.name }) }).waitFor());
  });

  it('proposes a session that the other confirms, downloads it for a calendar, moves it and cancels it', async () => {
    const mentorPage = pageOf(mentor);
    const menteePage = pageOf(mentee);
    const year = new Date().getUTCFullYear() + 1;
    await openMenu(mentor, 'nav.sessions');
    await mentorPage.getByRole('link', { name: fr['sessions.propose'], exact: true }).click();
    await mentorPage.getByRole('heading', { level: 1, name: fr['sessions.propose'] }).waitFor();
    await scanEverywhere(mentor, 'session-propose', (text) => pageOf(mentor).getByRole('heading', { level: 1, name: text['sessions.propose'] }).waitFor());
    await mentorPage.getByLabel(fr['sessions.field.date'], { exact: true }).fill(`${year}-01-15`);
    await mentorPage.getByLabel(fr['sessions.field.time'], { exact: true }).fill('18:00');
    await mentorPage.getByLabel(fr['sessions.field.timeZone'], { exact: true }).selectOption('Europe/Paris');
    await mentorPage.getByLabel(fr['sessions.field.duration'], { exact: true }).selectOption('45');
    await mentorPage.getByRole('radio', { name: fr['sessions.mode.video'], exact: true }).check();
    await mentorPage.getByLabel(fr['sessions.field.agenda'], { exact: true }).fill('Relire le CV');
    await mentorPage.getByRole('button', { name: fr['sessions.send'], exact: true }).click();
    await mentorPage.getByRole('heading', { level: 1, name: say(fr['sessions.titleWith'], { name: mentee.name }) }).waitFor({ timeout: 15_000 });
    await mentorPage.getByText(fr['sessions.awaitingThem'], { exact: false }).waitFor();

    await openMenu(mentee, 'nav.sessions');
    const toAnswer = menteePage.getByRole('region', { name: en['sessions.toAnswer'] });
    await toAnswer.getByRole('link').click();
    await menteePage.getByRole('heading', { level: 1, name: say(en['sessions.titleWith'], { name: mentor.name }) }).waitFor();
    await menteePage.getByRole('button', { name: en['sessions.confirm'], exact: true }).click();
    await menteePage.getByText(en['sessions.status.confirmed'], { exact: true }).waitFor();
    const meetingUrl = await menteePage.getByRole('link', { name: new RegExp(en['sessions.join']) }).getAttribute('href');
    expect(meetingUrl).toMatch(/^https:\/\/meet\.example\.org\/passerelle-[0-9a-f]{32}$/);

    const [download] = await Promise.all([menteePage.waitForEvent('download'), menteePage.getByRole('button', { name: en['sessions.addToCalendar'], exact: true }).click()]);
    const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '');
    const line = (name: string) => ics.split(/\r\n/).find((entry) => entry.startsWith(`${name}:`) || entry.startsWith(`${name};`));
    expect(download.suggestedFilename()).toMatch(/^session-[0-9a-f-]{36}\.ics$/);
    expect([line('DTSTART'), line('DTEND'), line('SUMMARY'), line('URL'), line('STATUS')]).toEqual([
      `DTSTART;TZID=Europe/Paris:${year}0115T180000`,
      `DTEND;TZID=Europe/Paris:${year}0115T184500`,
      'SUMMARY:Mentoring session',
      `URL;VALUE=URI:${meetingUrl}`,
      'STATUS:CONFIRMED',
    ]);
    await scanEverywhere(mentee, 'session', (text) => pageOf(mentee).getByRole('heading', { level: 1, name: say(text['sessions.titleWith'], { name: mentor.name }) }).waitFor());

    // The mentor moves it an hour later: back to proposed, for the mentee to confirm.
    await mentorPage.reload();
    await mentorPage.getByLabel(fr['sessions.field.newTime'], { exact: true }).fill('19:00');
    await mentorPage.getByRole('button', { name: fr['sessions.rescheduleSend'], exact: true }).click();
    await mentorPage.getByText(fr['sessions.rescheduled'], { exact: true }).waitFor();
    await menteePage.reload();
    await menteePage.getByText(en['sessions.awaitingYou'], { exact: false }).waitFor({ timeout: 15_000 });
    await menteePage.getByText(/19:00/).first().waitFor();

    // The mentee calls it off, saying why; the mentor reads the reason.
    await menteePage.getByLabel(en['sessions.field.reason'], { exact: true }).fill('A work trip came up');
    await menteePage.getByRole('button', { name: en['sessions.cancelSend'], exact: true }).click();
    await menteePage.getByText(en['sessions.status.cancelled'], { exact: true }).waitFor();
    await mentorPage.reload();
    // In the session's status: the notice the service sent about it, listed below, may say the reason too.
    await mentorPage.getByRole('definition').filter({ hasText: say(fr['sessions.cancelledBecause'], { reason: 'A work trip came up' }) }).waitFor({ timeout: 15_000 });
    await openMenu(mentor, 'nav.sessions');
    await mentorPage.getByRole('region', { name: fr['sessions.past'] }).getByText(fr['sessions.status.cancelled'], { exact: true }).waitFor();
    await scanEverywhere(mentor, 'sessions-list', (text) => pageOf(mentor).getByRole('heading', { level: 1, name: text['sessions.title'] }).waitFor());
  });
});
