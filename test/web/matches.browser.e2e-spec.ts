import {
  adminToken,
  choose,
  type Credentials,
  createTestNetwork,
  expectAccessible,
  expectEventually,
  fitsWidth,
  keepScreenshot,
  openFromMenu,
  signIn,
  type TestNetwork,
  useWebStack,
  type ViewportName,
} from '@passerelle/testing';
import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { fr } from '../../apps/web/src/i18n/fr';
import { answers } from '../matching/matching-fixtures';
import { CATALOGUES, EVERY_VIEW, type Language, LOCALES, say } from './catalogues';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const baseline = { confidence: 2, communication: 3, leadership: 2, networkSize: 1 };

type Person = Credentials & { readonly userId: string; readonly token: string; readonly name: string };

/**
 * Matches and surveys in Debian's Chromium against the five real services:
 * a round's proposal read with its reasons in words and accepted by the
 * mentee, another declined by its mentor (the missing reason refused beside
 * its choices first), a mentee choosing a mentor among suggestions and seeing
 * the request's expiry, feedback after a session held, the pulse survey once
 * the programme is halfway, an early end and the exit survey it opens. Every
 * page is scanned for accessibility; the main ones are kept as screenshots at
 * a desk's and a phone's width, in French and English.
 */
describe('the web application in a browser: matches and surveys', () => {
  const suite = useWebStack();
  let network: TestNetwork;
  const people: Record<'organizer' | 'lea' | 'sam' | 'ines' | 'marc' | 'zoe', Person> = {} as never;
  let roundProgram: string;
  let choiceProgram: string;

  const http = (service: string) => suite.stack.apps[service].http;
  const bearer = (person: Person) => ({ authorization: `Bearer ${person.token}` });

  beforeAll(async () => {
    const identity = suite.stack.apps['identity'];
    network = await createTestNetwork(identity.http, await adminToken(identity.http), 'webmatch');
    const names = { organizer: 'Claire Organisatrice', lea: 'Léa Martin', sam: 'Sam Bernard', ines: 'Inès Moreau', marc: 'Marc Petit', zoe: 'Zoé Laurent' };
    for (const [key, name] of Object.entries(names) as [keyof typeof names, string][]) {
      people[key] = { ...(await suite.member(network, { roles: key === 'organizer' ? ['organizer'] : [], displayName: name })), name };
    }
    // The mentors' profiles, which their mentees read on the proposals.
    await http('identity').patch('/v1/users/me').set(bearer(people.ines)).send({ employer: 'Banque du Rhône', industry: 'Banque', city: 'Lyon', languages: ['fr', 'en'], bio: 'Responsable data, douze ans dans la banque.' }).expect(200);
    await http('identity').patch('/v1/users/me').set(bearer(people.marc)).send({ employer: 'Assurances Loire', industry: 'Assurance', city: 'Nantes', languages: ['fr'] }).expect(200);

    roundProgram = await programme('Carrières data', ['organizer_rounds'], [
      [people.lea, 'mentee', [{ id: 'data-analysis', level: 4 }]],
      [people.sam, 'mentee', [{ id: 'python', level: 4 }]],
      [people.ines, 'mentor', [{ id: 'data-analysis', level: 5 }]],
      [people.marc, 'mentor', [{ id: 'python', level: 5 }]],
    ]);
    await http('matching').post(`/v1/matching/programs/${roundProgram}/rounds`).set(bearer(people.organizer)).send({}).expect(201);
    // Identity opens each side's profile to the other once it has read the proposals.
    await expectEventually(() => http('identity').get(`/v1/users/${people.ines.userId}/public-profile`).set(bearer(people.lea)).expect(200), { timeoutMs: 30_000 });
    choiceProgram = await programme('Premiers pas', ['mentee_choice'], [
      [people.zoe, 'mentee', [{ id: 'data-analysis', level: 3 }]],
      [people.ines, 'mentor', [{ id: 'data-analysis', level: 5 }]],
      [people.marc, 'mentor', [{ id: 'data-analysis', level: 2 }]],
    ]);
  }, 300_000);

  /** A published programme, its people enrolled; resolves once matching has them all. */
  async function programme(name: string, matchingModes: string[], enrolled: [Person, 'mentor' | 'mentee', { id: string; level: number }[]][]): Promise<string> {
    const created = await http('intake')
      .post('/v1/programs')
      .set(bearer(people.organizer))
      .send({ name, objectives: ['job_search', 'networking', 'skills'], startsOn: day(30), endsOn: day(210), cadenceDays: 14, matchingModes, defaultMentorCapacity: 1, intakeOpensOn: day(0), intakeClosesOn: day(29) })
      .expect(201);
    const programId = created.body.id as string;
    await http('intake').post(`/v1/programs/${programId}/publish`).set(bearer(people.organizer)).expect(200);
    for (const [person, role, skills] of enrolled) {
      await http('intake')
        .post('/v1/enrollments')
        .set(bearer(person))
        .send({ programId, role, templateVersion: 1, answers: answers(['fr'], skills, role), baseline, ...(role === 'mentor' ? { capacity: 1 } : {}) })
        .expect(201);
    }
    await expectEventually(
      async () => {
        const [row] = await suite.stack.apps['matching'].dataSource.query('SELECT count(*)::int AS count FROM candidates WHERE program_id = $1', [programId]);
        expect(row.count).toBe(enrolled.length);
      },
      { timeoutMs: 30_000 },
    );
    return programId;
  }

  /** A person signed in through the login page, at a width and in a language. */
  async function signedIn(person: Person, viewport: ViewportName, language: Language): Promise<Page> {
    const page = await suite.open(viewport, LOCALES[language]);
    await signIn(page, person, CATALOGUES[language]);
    return page;
  }

  const cardOf = (page: Page, name: string) => page.locator('article').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });

  describe.each(EVERY_VIEW)('at a %s’s width in %s', (viewport, language) => {
    it('shows the mentee her proposal with the mentor’s profile and why in words, fitting the width, accessibly', async () => {
      const text = CATALOGUES[language];
      const page = await signedIn(people.lea, viewport, language);
      await openFromMenu(page, text, text['nav.matches'], text['matches.title']);
      const card = cardOf(page, people.ines.name);
      await card.waitFor({ timeout: 15_000 });
      await card.getByText(text['matches.why.skills.strong'], { exact: false }).waitFor();
      await card.getByText('Banque du Rhône', { exact: true }).waitFor();
      expect(await card.getByText(text['matches.rule.common_language.held'], { exact: true }).isVisible()).toBe(true);
      expect(await card.getByRole('button', { name: text['matches.accept'], exact: true }).isVisible()).toBe(true);
      expect(await fitsWidth(page)).toBe(true);
      await expectAccessible(page, `the mentee's matches (${viewport}, ${language})`);
      await keepScreenshot(page, `matches-proposal-${viewport}-${language}`);
    });
  });

  it('lets the mentor decline a proposal, refusing a missing reason beside its choices, and the mentee accept hers', async () => {
    const mentor = await signedIn(people.marc, 'phone', 'fr');
    await openFromMenu(mentor, fr, fr['nav.matches'], fr['matches.title']);
    const proposal = cardOf(mentor, people.sam.name);
    await proposal.getByRole('button', { name: fr['matches.decline'], exact: true }).click();
    await proposal.getByRole('button', { name: fr['matches.decline.submit'], exact: true }).click();
    const reasons = proposal.getByRole('radiogroup', { name: fr['matches.decline.reason'] });
    await reasons.getByText(fr['matches.decline.reasonMissing'], { exact: true }).waitFor({ timeout: 15_000 });
    expect(await reasons.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(mentor, 'a decline refused for its missing reason');
    await keepScreenshot(mentor, 'matches-decline-refused-phone-fr');
    // Keyboard: the first reason takes the focus, the arrow moves to the next.
    await reasons.getByRole('radio', { name: fr['matches.decline.no_availability'] }).focus();
    await mentor.keyboard.press('ArrowDown');
    expect(await reasons.getByRole('radio', { name: fr['matches.decline.not_a_fit'] }).isChecked()).toBe(true);
    await proposal.getByRole('button', { name: fr['matches.decline.submit'], exact: true }).click();
    await mentor.getByRole('status').filter({ hasText: fr['matches.declined'] }).waitFor({ timeout: 15_000 });
    const declined = await http('matching').get('/v1/matches').set(bearer(people.organizer)).query({ programId: roundProgram, status: 'declined' }).expect(200);
    expect(declined.body.items.map((match: { declinedBy: string; declineReason: string }) => [match.declinedBy, match.declineReason])).toEqual([['mentor', 'not_a_fit']]);

    const mentee = await signedIn(people.lea, 'desk', 'fr');
    await openFromMenu(mentee, fr, fr['nav.matches'], fr['matches.title']);
    const hers = cardOf(mentee, people.ines.name);
    await hers.getByRole('button', { name: fr['matches.accept'], exact: true }).click();
    await mentee.getByRole('status').filter({ hasText: fr['matches.accepted'] }).waitFor({ timeout: 15_000 });
    await hers.getByText(fr['matches.waitingForOther'], { exact: false }).waitFor({ timeout: 15_000 });
    await keepScreenshot(mentee, 'matches-accepted-desk-fr');
  });

  it('lets a mentee choose a mentor among suggestions and shows when the request expires', async () => {
    for (const [viewport, language] of EVERY_VIEW) {
      const text = CATALOGUES[language];
      const look = await signedIn(people.zoe, viewport, language);
      await look.goto(`/matches/suggestions/${choiceProgram}`);
      await look.getByRole('heading', { level: 2, name: say(text['suggestions.rank'], { rank: 1 }) }).waitFor({ timeout: 15_000 });
      expect(await fitsWidth(look)).toBe(true);
      await expectAccessible(look, `the suggestions (${viewport}, ${language})`);
      await keepScreenshot(look, `suggestions-${viewport}-${language}`);
    }
    const page = await signedIn(people.zoe, 'phone', 'en');
    await openFromMenu(page, en, en['nav.matches'], en['matches.title']);
    await page.getByRole('link', { name: say(en['matches.choose.link'], { program: 'Premiers pas' }), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en['suggestions.title'] }).waitFor({ timeout: 15_000 });
    const first = page.locator('article').filter({ has: page.getByRole('heading', { level: 2, name: say(en['suggestions.rank'], { rank: 1 }) }) });
    await first.getByText(en['matches.why.skills.strong'], { exact: false }).waitFor();
    await first.getByRole('button', { name: en['suggestions.request'], exact: true }).click();
    const sent = page.getByRole('status').filter({ hasText: /^Request sent\. The mentor has until / });
    await sent.waitFor({ timeout: 15_000 });
    const [request] = (await http('matching').get('/v1/matches').set(bearer(people.zoe)).expect(200)).body.items as Array<{ respondBy: string; origin: string }>;
    expect(request.origin).toBe('mentee_choice');
    const shown = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(request.respondBy));
    expect(await sent.textContent()).toBe(say(en['suggestions.sent'], { date: shown }));
    await keepScreenshot(page, 'suggestions-sent-phone-en');

    await page.getByRole('link', { name: en['suggestions.back'], exact: true }).click();
    await page.getByText(say(en['matches.respondBy'], { date: shown }), { exact: true }).waitFor({ timeout: 15_000 });
    await expectAccessible(page, "a mentee's request waiting for its mentor");
  });

  it('asks for feedback after a session held, the pulse survey halfway, and the exit survey once the match ended early', async () => {
    // Both sides accept (Léa may have already, in the browser: 409 then); the pair meets once (moved into the past rather than waited for).
    const [match] = (await http('matching').get('/v1/matches').set(bearer(people.lea)).query({ programId: roundProgram }).expect(200)).body.items as Array<{ id: string }>;
    for (const person of [people.lea, people.ines]) await http('matching').post(`/v1/matches/${match.id}/accept`).set(bearer(person));
    expect((await http('matching').get(`/v1/matches/${match.id}`).set(bearer(people.lea)).expect(200)).body.status).toBe('active');
    const session = await expectEventually(
      async () =>
        (
          await http('communication')
            .post('/v1/sessions')
            .set(bearer(people.lea))
            .send({ matchId: match.id, startsAt: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 45, mode: 'video', timeZone: 'Europe/Paris', agenda: 'CV et entretiens' })
            .expect(201)
        ).body as { id: string },
      { timeoutMs: 30_000 },
    );
    await http('communication').post(`/v1/sessions/${session.id}/confirm`).set(bearer(people.ines)).expect(200);
    await suite.stack.apps['communication'].dataSource.query(`UPDATE sessions SET starts_at = now() - interval '2 hours' WHERE id = $1`, [session.id]);
    await http('communication').post(`/v1/sessions/${session.id}/complete`).set(bearer(people.ines)).send({ actualDurationMinutes: 45 }).expect(200);
    await expectEventually(async () => expect((await http('evaluation').get('/v1/feedback/open').set(bearer(people.lea)).expect(200)).body.sessions).toHaveLength(1), { timeoutMs: 30_000 });

    for (const [viewport, language] of EVERY_VIEW) {
      const text = CATALOGUES[language];
      const page = await signedIn(people.lea, viewport, language);
      await openFromMenu(page, text, text['nav.surveys'], text['surveys.title']);
      await page.getByRole('heading', { level: 2, name: text['surveys.sessions.heading'] }).waitFor({ timeout: 15_000 });
      await page.getByText(new RegExp(people.ines.name)).waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await expectAccessible(page, `the surveys (${viewport}, ${language})`);
      await keepScreenshot(page, `surveys-${viewport}-${language}`);
      await page.getByRole('link', { name: new RegExp(`^${text['surveys.session.give'].replace('{{date}}', '')}`) }).click();
      await page.getByRole('heading', { level: 1, name: text['feedback.session.title'] }).waitFor({ timeout: 15_000 });
      expect(await fitsWidth(page)).toBe(true);
      await keepScreenshot(page, `feedback-session-${viewport}-${language}`);
    }

    const page = await signedIn(people.lea, 'phone', 'fr');
    await openFromMenu(page, fr, fr['nav.surveys'], fr['surveys.title']);
    await page.getByRole('link', { name: /^Donner votre avis sur le rendez-vous du / }).click();
    await page.getByRole('heading', { level: 1, name: fr['feedback.session.title'] }).waitFor({ timeout: 15_000 });
    // The rating with the keyboard: into the group, then the arrows.
    const rating = page.getByRole('radiogroup', { name: fr['feedback.satisfaction.session'] });
    await rating.getByRole('radio', { name: fr['feedback.satisfaction.1'] }).focus();
    for (let press = 0; press < 3; press += 1) await page.keyboard.press('ArrowDown');
    expect(await rating.getByRole('radio', { name: fr['feedback.satisfaction.4'] }).isChecked()).toBe(true);
    await page.getByText(fr['feedback.helped.cv_review'], { exact: true }).click();
    await expectAccessible(page, 'the session feedback form');
    await page.getByRole('button', { name: fr['feedback.submit'], exact: true }).click();
    await page.getByText(fr['surveys.thanks'], { exact: true }).waitFor({ timeout: 15_000 });
    const [given] = await suite.stack.apps['evaluation'].dataSource.query(`SELECT satisfaction, helped FROM feedback WHERE session_id = $1 AND respondent_id = $2`, [session.id, people.lea.userId]);
    expect(given).toEqual({ satisfaction: 4, helped: ['cv_review'] });

    // Halfway through: the programme's dates are moved back (evaluation's copy), rather than waited for.
    await suite.stack.apps['evaluation'].dataSource.query(`UPDATE p_programs SET starts_on = current_date - 100, ends_on = current_date + 40 WHERE program_id = $1`, [roundProgram]);
    await page.reload();
    const pulseTitle = say(fr['surveys.pulse.item'], { program: 'Carrières data' });
    await page.getByText(pulseTitle, { exact: true }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: `${fr['surveys.answer']} — ${pulseTitle}` }).click();
    await page.getByRole('heading', { level: 1, name: fr['feedback.pulse.title'] }).waitFor({ timeout: 15_000 });
    await choose(page.getByRole('radiogroup', { name: fr['feedback.satisfaction.programme'] }), fr['feedback.satisfaction.5']);
    await choose(page.getByRole('radiogroup', { name: fr['feedback.nps'] }), '9');
    await choose(page.getByRole('radiogroup', { name: fr['feedback.scale.confidence'] }), fr['feedback.scale.3']);
    await page.getByRole('button', { name: fr['feedback.submit'], exact: true }).click();
    // Three scales of four: the service names each missing one, beside it, and what was chosen stays.
    const leadership = page.getByRole('radiogroup', { name: fr['feedback.scale.leadership'] });
    await leadership.getByText(fr['feedback.answerRequired'], { exact: true }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('radiogroup', { name: fr['feedback.scale.confidence'] }).getByRole('radio', { name: fr['feedback.scale.3'] }).isChecked()).toBe(true);
    await expectAccessible(page, 'the pulse survey with its refusals');
    await keepScreenshot(page, 'feedback-pulse-refused-phone-fr');
    for (const scale of ['communication', 'leadership', 'networkSize'] as const) {
      await choose(page.getByRole('radiogroup', { name: fr[`feedback.scale.${scale}`] }), fr['feedback.scale.4']);
    }
    await page.getByRole('button', { name: fr['feedback.submit'], exact: true }).click();
    await page.getByText(fr['surveys.thanks'], { exact: true }).waitFor({ timeout: 15_000 });

    // Léa ends the match early: the exit survey opens for her.
    await openFromMenu(page, fr, fr['nav.matches'], fr['matches.title']);
    await cardOf(page, people.ines.name).getByRole('button', { name: fr['matches.end'], exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await expectAccessible(page, 'the dialog before ending a match');
    await dialog.getByRole('button', { name: fr['matches.end.confirm'], exact: true }).click();
    await page.getByRole('status').filter({ hasText: fr['matches.ended'] }).waitFor({ timeout: 15_000 });
    await openFromMenu(page, fr, fr['nav.surveys'], fr['surveys.title']);
    const exitTitle = say(fr['surveys.exit.item'], { program: 'Carrières data' });
    await expectEventually(
      async () => {
        await page.reload();
        await page.getByText(exitTitle, { exact: true }).waitFor({ timeout: 3_000 });
      },
      { timeoutMs: 30_000 },
    );
    await page.getByRole('link', { name: `${fr['surveys.answer']} — ${exitTitle}` }).click();
    await page.getByRole('heading', { level: 1, name: fr['feedback.exit.title'] }).waitFor({ timeout: 15_000 });
    await choose(page.getByRole('radiogroup', { name: fr['feedback.satisfaction.programme'] }), fr['feedback.satisfaction.4']);
    await choose(page.getByRole('radiogroup', { name: fr['feedback.nps'] }), '8');
    for (const scale of ['confidence', 'communication', 'leadership', 'networkSize'] as const) {
      await choose(page.getByRole('radiogroup', { name: fr[`feedback.scale.${scale}`] }), fr['feedback.scale.4']);
    }
    await page.getByLabel(fr['feedback.outcome.connectionsMade'], { exact: true }).fill('5');
    await page.getByLabel(fr['feedback.outcome.interviews'], { exact: true }).fill('2');
    await page.getByLabel(fr['feedback.outcome.offers'], { exact: true }).fill('1');
    await expectAccessible(page, 'the exit survey');
    await keepScreenshot(page, 'feedback-exit-phone-fr');
    await page.getByRole('button', { name: fr['feedback.submit'], exact: true }).click();
    await page.getByText(fr['surveys.thanks'], { exact: true }).waitFor({ timeout: 15_000 });
    const surveys = await suite.stack.apps['evaluation'].dataSource.query(`SELECT form, nps, outcomes FROM feedback WHERE program_id = $1 AND respondent_id = $2 AND form <> 'session' ORDER BY form`, [roundProgram, people.lea.userId]);
    expect(surveys).toEqual([
      { form: 'exit', nps: 8, outcomes: { connectionsMade: 5, interviews: 2, offers: 1 } },
      { form: 'pulse', nps: 9, outcomes: null },
    ]);
    await page.getByText(fr['surveys.empty'], { exact: true }).waitFor();
  });
});
