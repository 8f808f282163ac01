import {
  adminToken,
  type Credentials,
  createTestNetwork,
  expectAccessible,
  fitsWidth,
  expectEventually,
  keepScreenshot,
  type ReceivedMail,
  SmtpTestServer,
  signIn,
  type TestNetwork,
  useWebStack,
  type ViewportName,
} from '@passerelle/testing';
import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { fr } from '../../apps/web/src/i18n/fr';
import { answers, bearer, publishedProgramme } from '../matching/matching-fixtures';
import { CATALOGUES, EVERY_VIEW, type Language, LOCALES, say } from './catalogues';

interface Person extends Credentials {
  readonly userId: string;
  readonly token: string;
  readonly name: string;
}

/**
 * The cohort's spaces and the notifications in Debian's Chromium, in front
 * of the five real services behind the one origin: a discussion started by
 * one participant and answered by another, the last seat of a gathering and
 * the waitlist after it, a training module completed, a real notification
 * (an organizer's match proposal) read, mail preferences changed, and the
 * unsubscribe link of a real mail caught by the test SMTP server confirmed.
 * Every page is scanned for accessibility and kept as screenshots at a
 * desk's and a phone's width in French and English.
 */
describe('the web application in a browser: the cohort and the notifications', () => {
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
  });
  const suite = useWebStack(() => ({ env: { communication: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '100' } } }));
  let network: TestNetwork;
  let organizer: Person;
  /** Mentee: the journey's main participant. */
  let ines: Person;
  /** Mentor: answers in the forum, waits for a seat. */
  let bastien: Person;
  /** Mentee: took a seat of the gathering before anyone else. */
  let chloe: Person;
  let programId: string;
  let gatheringId: string;
  let trainingId: string;
  let threadId: string;
  let proposalMail: ReceivedMail;

  const identity = () => suite.stack.apps['identity'].http;
  const intake = () => suite.stack.apps['intake'].http;
  const communication = () => suite.stack.apps['communication'].http;
  const matching = () => suite.stack.apps['matching'].http;

  async function person(name: string, roles: string[] = []): Promise<Person> {
    return { ...(await suite.member(network, { roles, displayName: name })), name };
  }

  beforeAll(async () => {
    network = await createTestNetwork(identity(), await adminToken(identity()), 'cohort');
    organizer = await person('Olivia Organisatrice', ['organizer']);
    ines = await person('Inès Martin');
    bastien = await person('Bastien Roche');
    chloe = await person('Chloé Petit');

    programId = await publishedProgramme(intake(), organizer.token, { name: 'Carrières de la donnée' });
    const enrolments = new Map<string, string>();
    for (const [participant, role] of [
      [ines, 'mentee'],
      [bastien, 'mentor'],
      [chloe, 'mentee'],
    ] as const) {
      const enrolment = await intake()
        .post('/v1/enrollments')
        .set(bearer(participant.token))
        .send({
          programId,
          role,
          templateVersion: 1,
          answers: answers(['fr'], [{ id: 'data-analysis', level: role === 'mentor' ? 5 : 3 }], role),
          baseline: { confidence: 3, communication: 3, leadership: 3, networkSize: 2 },
        })
        .expect(201);
      enrolments.set(participant.userId, enrolment.body.id);
    }
    // Communication has the cohort (and the names) once the last participant sees the forum with a name on what they write.
    await expectEventually(() => communication().get(`/v1/forums/programs/${programId}/threads`).set(bearer(chloe.token)).expect(200), { timeoutMs: 30_000 });

    const gathering = await communication()
      .post('/v1/gatherings')
      .set(bearer(organizer.token))
      .send({
        programId,
        kind: 'networking_event',
        title: 'Rencontre des anciens de la donnée',
        description: 'Un apéritif pour rencontrer les anciens qui travaillent dans la donnée.',
        startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        durationMinutes: 90,
        capacity: 2,
        place: 'Maison des Alumni, 12 rue de la Paix, Lyon',
      })
      .expect(201);
    gatheringId = gathering.body.id;
    await communication().post(`/v1/gatherings/${gatheringId}/registrations`).set(bearer(chloe.token)).send({}).expect(201);
    const training = await communication()
      .post('/v1/resources')
      .set(bearer(organizer.token))
      .send({
        programId,
        kind: 'training_module',
        audience: 'all',
        title: 'Mentorat : la première séance',
        description: 'Ce qu’on attend de la première rencontre.',
        body: 'Préparez trois questions.\nConvenez du rythme de vos séances.',
      })
      .expect(201);
    trainingId = training.body.id;

    // A real notification: the organizer proposes Bastien to Inès; matching has the enrolments from Kafka shortly.
    await expectEventually(
      () =>
        matching()
          .post('/v1/matches')
          .set(bearer(organizer.token))
          .send({ programId, menteeEnrollmentId: enrolments.get(ines.userId), mentorEnrollmentId: enrolments.get(bastien.userId), reason: 'Same field.' })
          .expect(201),
      { timeoutMs: 30_000 },
    );
    proposalMail = await smtp.waitFor(ines.email, /./, { timeoutMs: 30_000 });
  }, 240_000);

  afterAll(async () => {
    await smtp?.stop();
  });

  const open = (viewport: ViewportName, language: Language): Promise<Page> => suite.open(viewport, LOCALES[language]);

  /** A person signed in through the login form, on their home page. */
  async function signedIn(who: Person, viewport: ViewportName = 'desk', language: Language = 'fr'): Promise<Page> {
    const page = await open(viewport, language);
    await signIn(page, who, CATALOGUES[language]);
    return page;
  }

  /** Follows a menu entry (behind the menu's button at a phone's width). */
  async function menu(page: Page, language: Language, entry: 'nav.cohort' | 'nav.notifications') {
    const text = CATALOGUES[language];
    const toggle = page.getByRole('button', { name: text['nav.menu'], exact: true });
    if (await toggle.isVisible()) await toggle.click();
    await page.getByRole('navigation', { name: text['nav.label'] }).getByRole('link', { name: new RegExp(`^${text[entry]}`) }).click();
  }

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 15_000 });

  it('lets one participant start a discussion that another reads and answers', async () => {
    const page = await signedIn(ines);
    await menu(page, 'fr', 'nav.cohort');
    // One programme: the cohort's page goes straight to its forum.
    await heading(page, say(fr['forum.title'], { programme: 'Carrières de la donnée' }));
    await page.getByLabel(fr['forum.newTitle'], { exact: true }).fill('Préparer un premier entretien');
    await page.getByLabel(fr['forum.newBody'], { exact: true }).fill('Qu’est-ce qui vous a le plus aidé avant votre premier entretien ?');
    await page.getByRole('button', { name: fr['forum.newSubmit'] }).click();
    await heading(page, 'Préparer un premier entretien');
    threadId = new URL(page.url()).pathname.split('/').pop()!;
    await expectAccessible(page, 'a discussion just started');

    const other = await signedIn(bastien, 'phone', 'en');
    await menu(other, 'en', 'nav.cohort');
    await heading(other, say(en['forum.title'], { programme: 'Carrières de la donnée' }));
    const listed = other.getByRole('listitem').filter({ hasText: 'Préparer un premier entretien' });
    expect(await listed.getByText(/^by Inès Martin, on /).count()).toBe(1);
    await listed.getByRole('link', { name: 'Préparer un premier entretien' }).click();
    await heading(other, 'Préparer un premier entretien');
    await other.getByLabel(en['forum.reply'], { exact: true }).fill('Rehearsing out loud, with a timer.');
    await other.getByRole('button', { name: en['forum.replySubmit'], exact: true }).click();
    await other.getByText(en['forum.replied']).waitFor();
    expect(await other.getByLabel(en['forum.reply'], { exact: true }).inputValue()).toBe('');

    await page.reload();
    const reply = page.getByRole('list', { name: fr['forum.replies'] }).getByRole('listitem');
    await reply.getByText('Rehearsing out loud, with a timer.').waitFor();
    expect(await reply.getByText(/^par Bastien Roche, le /).count()).toBe(1);
  });

  it('gives the last seat of a gathering to the first who registers and the waitlist to the next', async () => {
    const page = await signedIn(ines);
    await page.goto(`/cohort/${programId}/gatherings`);
    await heading(page, say(fr['gatherings.title'], { programme: 'Carrières de la donnée' }));
    await page.getByRole('link', { name: 'Rencontre des anciens de la donnée' }).click();
    await heading(page, 'Rencontre des anciens de la donnée');
    await page.getByText(say(fr['gatherings.seatsLeft'], { count: 1, capacity: 2 })).waitFor();
    await page.getByText('Maison des Alumni, 12 rue de la Paix, Lyon').waitFor();
    await page.getByRole('button', { name: fr['gatherings.register'], exact: true }).click();
    await page.getByText(fr['gatherings.confirmedNotice']).first().waitFor();
    await page.getByRole('button', { name: fr['gatherings.cancelRegistration'] }).waitFor();

    const next = await signedIn(bastien, 'phone', 'fr');
    await next.goto(`/cohort/${programId}/gatherings/${gatheringId}`);
    await heading(next, 'Rencontre des anciens de la donnée');
    await next.getByText(say(fr['gatherings.full'], { capacity: 2, waitlist: 0 })).waitFor();
    await next.getByRole('button', { name: fr['gatherings.joinWaitlist'], exact: true }).click();
    await next.getByText(say(fr['gatherings.waitlistedNotice'], { position: 1 })).first().waitFor();
    await expectAccessible(next, 'a gathering, on its waitlist');

    const registrations = await communication().get(`/v1/gatherings/${gatheringId}/registrations`).set(bearer(organizer.token)).expect(200);
    expect(registrations.body.items.map((item: { userId: string; status: string; waitlistPosition: number | null }) => [item.userId, item.status, item.waitlistPosition])).toEqual([
      [chloe.userId, 'confirmed', null],
      [ines.userId, 'confirmed', null],
      [bastien.userId, 'waitlisted', 1],
    ]);
  });

  it('marks a training module completed, and the list shows it done', async () => {
    const page = await signedIn(ines);
    await page.goto(`/cohort/${programId}/resources`);
    await heading(page, say(fr['resources.title'], { programme: 'Carrières de la donnée' }));
    await page.getByText(say(fr['resources.progress'], { done: 0, total: 1 })).waitFor();
    await page.getByRole('link', { name: 'Mentorat : la première séance' }).click();
    await heading(page, 'Mentorat : la première séance');
    await page.getByText(/Préparez trois questions\./).waitFor();
    await page.getByRole('button', { name: fr['resources.markComplete'] }).click();
    await page.getByText(/^Formation terminée le /).waitFor();
    await page.getByRole('link', { name: fr['resources.backToList'] }).click();
    await page.getByText(say(fr['resources.progress'], { done: 1, total: 1 })).waitFor();
    expect(await page.getByRole('region', { name: fr['resources.training'] }).getByText(/^Terminée le /).count()).toBe(1);
    const resource = await communication().get(`/v1/resources/${trainingId}`).set(bearer(ines.token)).expect(200);
    expect(resource.body.myCompletion).toMatchObject({ resourceId: trainingId, role: 'mentee' });
  });

  it('shows the unread notification in the menu, and reads it', async () => {
    const page = await signedIn(ines);
    // The count is a number to see, and words for a screen reader: "Notifications (1 non lue(s))".
    const entry = page.getByRole('navigation', { name: fr['nav.label'] }).getByRole('link', { name: /^Notifications/ });
    await entry.getByText('1', { exact: true }).waitFor();
    await page.getByRole('link', { name: `Notifications (${say(fr['notifications.unread'], { count: 1 })})`, exact: true }).waitFor();
    await menu(page, 'fr', 'nav.notifications');
    await heading(page, fr['notifications.title']);
    await page.getByText(say(fr['notifications.unreadSummary'], { count: 1 })).waitFor();
    await expectAccessible(page, 'the notifications, one unread');
    await keepScreenshot(page, 'notifications-unread-desk-fr');
    const item = page.getByRole('listitem').filter({ hasText: fr['notifications.new'] });
    expect(await item.count()).toBe(1);
    await item.getByRole('button', { name: new RegExp(`^${fr['notifications.markRead']}`) }).click();
    await page.getByText(fr['notifications.allRead']).waitFor();
    await expectEventually(async () => expect(await entry.textContent()).toBe('Notifications'));
    const unread = await communication().get('/v1/notifications?unreadOnly=true').set(bearer(ines.token)).expect(200);
    expect(unread.body.unreadCount).toBe(0);
  });

  it('changes the mail preferences, kept after a reload', async () => {
    const page = await signedIn(bastien);
    await page.goto('/notifications/preferences');
    await heading(page, fr['preferences.title']);
    const reminders = page.getByRole('checkbox', { name: fr['preferences.category.reminders'] });
    expect(await reminders.isChecked()).toBe(true);
    // React Aria's checkbox: its visible label is what a person presses.
    await page.getByText(fr['preferences.category.reminders'], { exact: true }).click();
    await page.getByLabel(fr['preferences.language'], { exact: true }).selectOption('en');
    await page.getByRole('button', { name: fr['preferences.save'] }).click();
    await page.getByText(fr['preferences.saved']).waitFor();
    await page.reload();
    await heading(page, fr['preferences.title']);
    expect(await page.getByRole('checkbox', { name: fr['preferences.category.reminders'] }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: fr['preferences.category.match_updates'] }).isChecked()).toBe(true);
    expect(await page.getByLabel(fr['preferences.language'], { exact: true }).inputValue()).toBe('en');
    const saved = await communication().get('/v1/notifications/preferences').set(bearer(bastien.token)).expect(200);
    expect(saved.body).toEqual({ language: 'en', effectiveLanguage: 'en', email: { reminders: false, match_updates: true, organizer_alerts: true } });
  });

  /** The link in the text of the proposal's mail: the application's page, the token in the fragment. */
  const unsubscribeLinkOf = (mail: ReceivedMail) => {
    const link = mail.text.match(/https?:\/\/\S+\/unsubscribe\?category=match_updates#token=[\w-]{43}/)?.[0];
    if (!link) throw new Error(`no unsubscribe link in the mail:\n${mail.text}`);
    return link;
  };

  it('opens the unsubscribe link of a real mail without a session, and confirms with one button', async () => {
    const link = unsubscribeLinkOf(proposalMail);
    expect(link.startsWith(`${suite.stack.url}/unsubscribe?`)).toBe(true);
    const page = await open('phone', 'fr');
    await page.goto(link);
    await heading(page, fr['unsubscribe.title']);
    const category = fr['preferences.category.match_updates'];
    await page.getByText(say(fr['unsubscribe.what'], { category })).waitFor();
    await expectAccessible(page, 'the unsubscribe page');
    // Opening the page changed nothing.
    expect((await communication().get('/v1/notifications/preferences').set(bearer(ines.token)).expect(200)).body.email.match_updates).toBe(true);
    await page.getByRole('button', { name: fr['unsubscribe.confirm'] }).click();
    await page.getByText(say(fr['unsubscribe.done'], { category })).waitFor();
    await keepScreenshot(page, 'unsubscribe-done-phone-fr');

    const own = await signedIn(ines);
    await own.goto('/notifications/preferences');
    await heading(own, fr['preferences.title']);
    expect(await own.getByRole('checkbox', { name: category }).isChecked()).toBe(false);
    expect(await own.getByRole('checkbox', { name: fr['preferences.category.reminders'] }).isChecked()).toBe(true);
  });

  describe.each(EVERY_VIEW)('at a %s’s width in %s', (viewport, language) => {
    it('shows every page of the cohort and the notifications fitting the width, with no serious accessibility violation', async () => {
      const text = CATALOGUES[language];
      const page = await signedIn(ines, viewport, language);
      const programme = 'Carrières de la donnée';
      const pages: Array<[string, string, string]> = [
        ['forum', `/cohort/${programId}/forum`, say(text['forum.title'], { programme })],
        ['thread', `/cohort/${programId}/forum/${threadId}`, 'Préparer un premier entretien'],
        ['gatherings', `/cohort/${programId}/gatherings`, say(text['gatherings.title'], { programme })],
        ['gathering', `/cohort/${programId}/gatherings/${gatheringId}`, 'Rencontre des anciens de la donnée'],
        ['resources', `/cohort/${programId}/resources`, say(text['resources.title'], { programme })],
        ['resource', `/cohort/${programId}/resources/${trainingId}`, 'Mentorat : la première séance'],
        ['notifications', '/notifications', text['notifications.title']],
        ['preferences', '/notifications/preferences', text['preferences.title']],
        ['unsubscribe', new URL(unsubscribeLinkOf(proposalMail)).href.replace(suite.stack.url, ''), text['unsubscribe.title']],
      ];
      for (const [name, path, title] of pages) {
        await page.goto(path);
        await heading(page, title);
        await page.getByRole('status').filter({ hasText: text['state.loading'] }).waitFor({ state: 'detached' });
        expect([name, await fitsWidth(page)]).toEqual([name, true]);
        await expectAccessible(page, `${name} (${viewport}, ${language})`);
        await keepScreenshot(page, `cohort-${name}-${viewport}-${language}`);
      }
    });
  });
});
