import { adminToken, choose, createTestNetwork, expectAccessible, expectEventually, keepScreenshot, loginAs, openFromMenu, type TestNetwork, useWebStack } from '@passerelle/testing';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { CATALOGUES, type Language, LOCALES, say, type Text } from './catalogues';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** One of the pair, as the test follows them: their browser, their language, and once joined their account. */
interface Participant {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly language: Language;
  readonly text: Text;
  page: Page;
  userId: string;
  token: string;
}

/**
 * One pair's whole journey in Debian's Chromium, in front of the five real
 * services, Kafka, PostgreSQL and the SMTP server they send to: an
 * organizer publishes a programme and invites a mentee (at a desk, in
 * French) and a mentor (on a phone, in English) by mail; each joins from
 * the mail's link, enrols with the survey and the baseline, the mentee sets
 * a SMART goal; the organizer's round proposes them to each other with its
 * reasons and both accept; they write to each other live, the mentee
 * proposes a session and the mentor confirms it; once it is held the mentee
 * gives her feedback (the connection lost while she sends it, and nothing
 * she typed lost), answers the pulse and the exit surveys as their windows
 * open, and finds it all on My progress.
 */
describe('the web application in a browser: a pair’s whole journey', () => {
  const suite = useWebStack();
  const programme = `Réseau banque ${randomUUID().slice(0, 6)}`;
  let network: TestNetwork;
  let organizer: string;
  let programId: string;
  let mentee: Participant;
  let mentor: Participant;
  let goalTitle: string;

  const http = (service: string) => suite.stack.apps[service].http;
  const sql = (service: string, query: string, parameters: unknown[] = []) => suite.stack.apps[service].dataSource.query(query, parameters);

  beforeAll(async () => {
    const identity = suite.stack.apps['identity'];
    network = await createTestNetwork(identity.http, await adminToken(identity.http), 'journey');
    organizer = (await suite.member(network, { roles: ['organizer'], displayName: 'Claire Organisatrice' })).token;
    const created = await http('intake')
      .post('/v1/programs')
      .set(bearer(organizer))
      .send({
        name: programme,
        description: 'Alumni working in banking open their address books to students.',
        objectives: ['networking'],
        startsOn: day(10),
        endsOn: day(190),
        cadenceDays: 14,
        matchingModes: ['organizer_rounds'],
        defaultMentorCapacity: 1,
        intakeOpensOn: day(0),
        intakeClosesOn: day(9),
      })
      .expect(201);
    programId = created.body.id;
    await http('intake').post(`/v1/programs/${programId}/publish`).set(bearer(organizer)).expect(200);
  });

  const heading = (page: Page, name: string, level = 1) => page.getByRole('heading', { level, name, exact: true }).waitFor({ timeout: 15_000 });
  /** Follows an entry of the menu, in the person's language. */
  const openMenu = (person: Participant, entry: 'nav.programmes' | 'nav.matches' | 'nav.messages' | 'nav.sessions' | 'nav.surveys' | 'nav.progress', title: string) =>
    openFromMenu(person.page, person.text, person.text[entry], title);

  /** The organizer's invitation, read from the real mail, followed in the person's own browser to join and be signed in. */
  async function joinByInvitation(name: string, language: Language, viewport: 'desk' | 'phone'): Promise<Participant> {
    const text = CATALOGUES[language];
    const email = `${name.split(' ')[0].normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase()}-${randomUUID().slice(0, 8)}@example.org`;
    const password = `a passphrase ${randomUUID().slice(0, 8)}`;
    await http('identity').post(`/v1/networks/${network.id}/invitations`).set(bearer(organizer)).send({ email }).expect(201);
    const mail = await suite.stack.smtp.waitFor(email, /You are invited/);
    const link = mail.links.find((candidate) => candidate.startsWith(`${suite.stack.url}/accept-invitation?network=${network.slug}#token=`));
    if (!link) throw new Error(`no invitation link in ${JSON.stringify(mail.links)}`);

    const page = await suite.open(viewport, LOCALES[language]);
    await page.goto(link);
    await heading(page, text['invitation.title']);
    await page.getByLabel(text['login.email'], { exact: true }).fill(email);
    await page.getByLabel(text['register.displayName'], { exact: true }).fill(name);
    await page.getByLabel(text['login.password'], { exact: true }).fill(password);
    await page.getByRole('button', { name: text['invitation.submit'], exact: true }).click();
    await heading(page, text['home.title']);
    await page.getByText(say(text['home.greeting'], { name }), { exact: true }).waitFor();
    const { accessToken } = await loginAs(http('identity'), { network: network.slug, email, password });
    const me = await http('identity').get('/v1/users/me').set(bearer(accessToken)).expect(200);
    return { name, email, password, language, text, page, userId: me.body.id, token: accessToken };
  }

  /** The enrolment survey and the baseline filled in with a pointer: French, two Tuesday evenings, banking, a network of a given size. */
  async function enrol(person: Participant, role: 'mentee' | 'mentor', replies: { years: string; networkSize: RegExp; contact: string }) {
    const { page, text } = person;
    await openMenu(person, 'nav.programmes', text['programmes.title']);
    await page.getByRole('link', { name: programme, exact: true }).click();
    await heading(page, programme);
    await page.getByRole('link', { name: text[`programmes.enrolAs.${role}`], exact: true }).click();
    await heading(page, say(text[`enrolment.title.${role}`], { programme }));
    await page.getByRole('searchbox', { name: /Which languages/ }).fill('Fren');
    await page.getByText('French', { exact: true }).click();
    for (const hour of [18, 19]) {
      // The hour as the page writes it in its language (18:00, 6:00 PM), whatever space the browser's and Node's formats put before PM.
      const shown = new Intl.DateTimeFormat(person.language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5, hour)).replace(/\s/g, ' ');
      await page.getByRole('button', { name: new RegExp(`^${say(text['enrolment.slot'], { day: text['enrolment.day.tue'], hour: shown }).replace(/ /g, '\\s')}$`) }).click();
    }
    await page.getByRole('searchbox', { name: /Which industry/ }).fill('bank');
    await page.getByText('Banking', { exact: true }).click();
    await page.getByLabel(/^How many years/).fill(replies.years);
    await choose(page.getByRole('radiogroup', { name: replies.networkSize }), '3');
    await page.getByText(replies.contact, { exact: true }).click();
    for (const scale of ['confidence', 'communication', 'leadership', 'networkSize'] as const) {
      await choose(page.getByRole('radiogroup', { name: new RegExp(`^${text[`enrolment.scale.${scale}`]}`) }), '2');
    }
    await page.getByRole('button', { name: text['enrolment.submit'], exact: true }).click();
  }

  it('takes a mentee and a mentor from the invitation’s mail to the exit survey, and shows the mentee how far she came', async () => {
    // Joining: the mentee at a desk in French, the mentor on a phone in English.
    mentee = await joinByInvitation('Léa Martin', 'fr', 'desk');
    mentor = await joinByInvitation('Inès Moreau', 'en', 'phone');
    await keepScreenshot(mentor.page, 'journey-joined-phone-en');

    // Enrolling: the mentee then sets her SMART goal; the mentor lands back on the programme.
    await enrol(mentee, 'mentee', { years: '0', networkSize: /^How large is your professional network today\?/, contact: 'Professionals of a given industry' });
    await heading(mentee.page, say(mentee.text['goals.title'], { programme }));
    goalTitle = 'Meet ten professionals working in banking';
    await mentee.page.getByLabel(mentee.text['goals.field.title'], { exact: true }).fill(goalTitle);
    await choose(mentee.page.getByRole('radiogroup', { name: mentee.text['goals.field.objective'] }), mentee.text['programmes.objective.networking']);
    await mentee.page.getByLabel(mentee.text['goals.field.metric'], { exact: true }).selectOption('professional_contacts_made');
    await mentee.page.getByLabel(mentee.text['goals.field.targetValue'], { exact: true }).fill('10');
    await mentee.page.getByLabel(mentee.text['goals.field.dueOn'], { exact: true }).fill(day(120));
    await mentee.page.locator('.smart-verdict').getByText(mentee.text['goals.smart.allPass']).waitFor({ timeout: 15_000 });
    await mentee.page.getByRole('button', { name: mentee.text['goals.set'], exact: true }).click();
    await heading(mentee.page, goalTitle, 3);
    await keepScreenshot(mentee.page, 'journey-goal-set-desk-fr');

    await enrol(mentor, 'mentor', { years: '12', networkSize: /^How large is the professional network you could open to a mentee\?/, contact: 'Professionals of a given industry' });
    await heading(mentor.page, programme);
    await expectEventually(
      async () => {
        const [row] = await sql('matching', 'SELECT count(*)::int AS count FROM candidates WHERE program_id = $1', [programId]);
        expect(row.count).toBe(2);
      },
      { timeoutMs: 30_000 },
    );

    // The organizer's round proposes them to each other; each reads why, and accepts.
    await http('matching').post(`/v1/matching/programs/${programId}/rounds`).set(bearer(organizer)).send({}).expect(201);
    await expectEventually(() => http('identity').get(`/v1/users/${mentor.userId}/public-profile`).set(bearer(mentee.token)).expect(200), { timeoutMs: 30_000 });
    for (const [person, other] of [
      [mentee, mentor],
      [mentor, mentee],
    ] as const) {
      const { page, text } = person;
      await openMenu(person, 'nav.matches', text['matches.title']);
      const card = page.locator('article').filter({ has: page.getByRole('heading', { level: 3, name: other.name, exact: true }) });
      await card.waitFor({ timeout: 15_000 });
      await card.getByText(text['matches.why.industry.strong'], { exact: false }).waitFor();
      await card.getByRole('button', { name: text['matches.accept'], exact: true }).click();
      await page.getByRole('status').filter({ hasText: text['matches.accepted'] }).waitFor({ timeout: 15_000 });
    }
    await keepScreenshot(mentor.page, 'journey-match-accepted-phone-en');
    const [match] = (await http('matching').get('/v1/matches').set(bearer(mentee.token)).query({ programId }).expect(200)).body.items as Array<{ id: string; status: string }>;
    await expectEventually(async () => expect((await http('matching').get(`/v1/matches/${match.id}`).set(bearer(mentee.token)).expect(200)).body.status).toBe('active'), { timeoutMs: 30_000 });
    await expectEventually(
      async () => expect((await http('communication').get('/v1/conversations').set(bearer(mentee.token)).expect(200)).body.items.map((item: { matchId: string }) => item.matchId)).toEqual([match.id]),
      { timeoutMs: 30_000 },
    );

    // A message each way, live: both have the conversation open.
    for (const [person, other] of [
      [mentee, mentor],
      [mentor, mentee],
    ] as const) {
      await openMenu(person, 'nav.messages', person.text['conversations.title']);
      await person.page.getByRole('link', { name: new RegExp(other.name) }).click();
      await heading(person.page, say(person.text['conversations.with'], { name: other.name }));
    }
    const write = async (person: Participant, message: string) => {
      const composer = person.page.getByLabel(person.text['conversations.compose'], { exact: true });
      await composer.fill(message);
      await person.page.keyboard.press('Enter');
      await expectEventually(async () => expect(await composer.inputValue()).toBe(''));
    };
    const shows = (person: Participant, message: string) => person.page.getByRole('log').locator('li .message-text').filter({ hasText: message }).waitFor({ timeout: 20_000 });
    await write(mentee, 'Bonjour Inès, merci d’avoir accepté !');
    await shows(mentor, 'Bonjour Inès, merci d’avoir accepté !');
    await write(mentor, 'Hello Léa, shall we meet next Tuesday evening?');
    await shows(mentee, 'Hello Léa, shall we meet next Tuesday evening?');
    await keepScreenshot(mentee.page, 'journey-conversation-desk-fr');

    // The mentee proposes a session; the mentor confirms it.
    const year = new Date().getUTCFullYear() + 1;
    await openMenu(mentee, 'nav.sessions', mentee.text['sessions.title']);
    await mentee.page.getByRole('link', { name: mentee.text['sessions.propose'], exact: true }).click();
    await heading(mentee.page, mentee.text['sessions.propose']);
    await mentee.page.getByLabel(mentee.text['sessions.field.date'], { exact: true }).fill(`${year}-01-12`);
    await mentee.page.getByLabel(mentee.text['sessions.field.time'], { exact: true }).fill('18:00');
    await mentee.page.getByLabel(mentee.text['sessions.field.timeZone'], { exact: true }).selectOption('Europe/Paris');
    await mentee.page.getByLabel(mentee.text['sessions.field.duration'], { exact: true }).selectOption('45');
    await mentee.page.getByRole('radio', { name: mentee.text['sessions.mode.video'], exact: true }).check();
    await mentee.page.getByLabel(mentee.text['sessions.field.agenda'], { exact: true }).fill('Les contacts à prendre dans la banque');
    await mentee.page.getByRole('button', { name: mentee.text['sessions.send'], exact: true }).click();
    await heading(mentee.page, say(mentee.text['sessions.titleWith'], { name: mentor.name }));

    await openMenu(mentor, 'nav.sessions', mentor.text['sessions.title']);
    await mentor.page.getByRole('region', { name: mentor.text['sessions.toAnswer'] }).getByRole('link').click();
    await heading(mentor.page, say(mentor.text['sessions.titleWith'], { name: mentee.name }));
    await mentor.page.getByRole('button', { name: mentor.text['sessions.confirm'], exact: true }).click();
    await mentor.page.getByText(mentor.text['sessions.status.confirmed'], { exact: true }).waitFor({ timeout: 15_000 });
    await keepScreenshot(mentor.page, 'journey-session-confirmed-phone-en');

    // Held: moved into the past rather than waited for, then marked held by the mentor.
    const [session] = (await http('communication').get('/v1/sessions').set(bearer(mentee.token)).expect(200)).body.items as Array<{ id: string }>;
    await sql('communication', `UPDATE sessions SET starts_at = now() - interval '2 hours' WHERE id = $1`, [session.id]);
    await http('communication').post(`/v1/sessions/${session.id}/complete`).set(bearer(mentor.token)).send({ actualDurationMinutes: 45 }).expect(200);
    await mentor.page.reload();
    await mentor.page.getByText(mentor.text['sessions.status.completed'], { exact: true }).waitFor({ timeout: 15_000 });

    // The feedback on the session, sent while the connection is lost: it waits, and nothing typed is lost.
    const { page, text } = mentee;
    await expectEventually(async () => expect((await http('evaluation').get('/v1/feedback/open').set(bearer(mentee.token)).expect(200)).body.sessions).toHaveLength(1), { timeoutMs: 30_000 });
    await openMenu(mentee, 'nav.surveys', text['surveys.title']);
    await page.getByRole('link', { name: new RegExp(`^${text['surveys.session.give'].replace('{{date}}', '')}`) }).click();
    await heading(page, text['feedback.session.title']);
    await choose(page.getByRole('radiogroup', { name: text['feedback.satisfaction.session'] }), text['feedback.satisfaction.5']);
    await page.getByText(text['feedback.helped.cv_review'], { exact: true }).click();
    const comment = 'Inès m’a présenté deux personnes de sa banque : merci !';
    const commentField = page.getByLabel(text['feedback.comment'], { exact: true });
    await commentField.fill(comment);
    await expectAccessible(page, 'the session feedback with a comment typed');

    await page.context().setOffline(true);
    const notice = page.getByRole('status').filter({ hasText: text['state.offline'] });
    await notice.waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: text['feedback.submit'], exact: true }).click();
    // The submission waits for the connection rather than failing: still sending a moment later, no error, the form as typed.
    await page.getByRole('button', { name: text['feedback.submitting'], exact: true }).waitFor();
    await page.waitForTimeout(1_500);
    expect(await page.getByRole('button', { name: text['feedback.submitting'], exact: true }).isVisible()).toBe(true);
    // The form's alert stays in place, empty: announced only once it says something.
    expect(await page.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);
    expect(await sql('evaluation', 'SELECT count(*)::int AS count FROM feedback WHERE session_id = $1', [session.id])).toEqual([{ count: 0 }]);
    expect(await commentField.inputValue()).toBe(comment);
    await expectAccessible(page, 'the session feedback while offline');
    await keepScreenshot(page, 'journey-offline-feedback-desk-fr');

    await page.context().setOffline(false);
    await notice.waitFor({ state: 'hidden', timeout: 15_000 });
    // The submission waiting for the connection goes through on its own.
    await page.getByText(text['surveys.thanks'], { exact: true }).waitFor({ timeout: 15_000 });
    expect(await sql('evaluation', 'SELECT satisfaction, helped, comment FROM feedback WHERE session_id = $1 AND respondent_id = $2', [session.id, mentee.userId])).toEqual([
      { satisfaction: 5, helped: ['cv_review'], comment },
    ]);

    // Halfway: evaluation's copy of the programme's dates moved back rather than waited for.
    await sql('evaluation', `UPDATE p_programs SET starts_on = current_date - 100, ends_on = current_date + 40 WHERE program_id = $1`, [programId]);
    await answerProgrammeSurvey(mentee, 'pulse', 3);
    // Near its end: the exit survey opens.
    await sql('evaluation', `UPDATE p_programs SET starts_on = current_date - 180, ends_on = current_date + 1 WHERE program_id = $1`, [programId]);
    await answerProgrammeSurvey(mentee, 'exit', 4);
    expect(
      await sql('evaluation', `SELECT form, nps, scales FROM feedback WHERE program_id = $1 AND respondent_id = $2 AND form <> 'session' ORDER BY form`, [programId, mentee.userId]),
    ).toEqual([
      { form: 'exit', nps: 9, scales: { confidence: 4, communication: 4, leadership: 4, networkSize: 4 } },
      { form: 'pulse', nps: 9, scales: { confidence: 3, communication: 3, leadership: 3, networkSize: 3 } },
    ]);

    // My progress: the goal, the baseline against the latest answers, the session held.
    await openMenu(mentee, 'nav.progress', text['progress.title']);
    await expectEventually(
      async () => {
        await page.reload();
        await page.getByRole('article', { name: goalTitle }).waitFor({ timeout: 5_000 });
        const scales = page.getByRole('table', { name: text['progress.scalesCaption'] });
        await scales.getByRole('columnheader', { name: text['progress.form.exit'], exact: true }).waitFor({ timeout: 5_000 });
        expect(await scales.getByRole('row', { name: new RegExp(`^${text['enrolment.scale.confidence']}`) }).getByRole('cell').allTextContents()).toEqual([
          say(text['progress.outOfFive'], { value: 2 }),
          say(text['progress.change'], { value: 4, delta: '+2' }),
        ]);
        expect(await page.locator('.progress-grid .figure').first().textContent()).toBe('1');
      },
      { timeoutMs: 30_000 },
    );
    await expectAccessible(page, 'My progress at the end of the journey');
    await keepScreenshot(page, 'journey-progress-desk-fr');
  });

  /** The pulse or exit survey, from the surveys page, every scale at `level` and a 9 to recommend it. */
  async function answerProgrammeSurvey(person: Participant, form: 'pulse' | 'exit', level: 3 | 4) {
    const { page, text } = person;
    await openMenu(person, 'nav.surveys', text['surveys.title']);
    const title = say(text[`surveys.${form}.item`], { program: programme });
    await expectEventually(
      async () => {
        await page.reload();
        await page.getByText(title, { exact: true }).waitFor({ timeout: 3_000 });
      },
      { timeoutMs: 30_000 },
    );
    await page.getByRole('link', { name: `${text['surveys.answer']} — ${title}` }).click();
    await heading(page, text[`feedback.${form}.title`]);
    await choose(page.getByRole('radiogroup', { name: text['feedback.satisfaction.programme'] }), text['feedback.satisfaction.5']);
    await choose(page.getByRole('radiogroup', { name: text['feedback.nps'] }), '9');
    for (const scale of ['confidence', 'communication', 'leadership', 'networkSize'] as const) {
      await choose(page.getByRole('radiogroup', { name: text[`feedback.scale.${scale}`] }), text[`feedback.scale.${level}`]);
    }
    if (form === 'exit') {
      await page.getByLabel(text['feedback.outcome.connectionsMade'], { exact: true }).fill('6');
      await page.getByLabel(text['feedback.outcome.interviews'], { exact: true }).fill('2');
      await page.getByLabel(text['feedback.outcome.offers'], { exact: true }).fill('1');
    }
    await page.getByRole('button', { name: text['feedback.submit'], exact: true }).click();
    await page.getByText(text['surveys.thanks'], { exact: true }).waitFor({ timeout: 15_000 });
  }
});
