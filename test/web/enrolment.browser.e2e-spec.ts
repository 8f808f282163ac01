import { adminToken, type Credentials, createTestNetwork, expectAccessible, fitsWidth, keepScreenshot, signIn, type TestNetwork, useWebStack, type ViewportName } from '@passerelle/testing';
import type { Page } from 'playwright-core';
import { fr } from '../../apps/web/src/i18n/fr';
import { CATALOGUES, EVERY_VIEW, type Language, LOCALES, say, type Text } from './catalogues';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The participant's journey in Debian's Chromium, in front of the five real
 * services: a mentee finds a published programme, enrols with the keyboard
 * alone (Tab, Shift+Tab, Space, Enter and the arrow keys), meets the
 * service's refusal of an answer beside its question, sets a SMART goal
 * while the service's check changes criterion by criterion, and finds it on
 * My progress; then the programme page, the enrolment, My progress and the
 * home of an enrolled mentee at a desk's and a phone's width in both
 * languages, each with no serious accessibility violation and nothing
 * refused by the application's Content-Security-Policy.
 */
describe('the web application in a browser: programmes, enrolment, goals and progress', () => {
  const suite = useWebStack();
  let network: TestNetwork;
  let organizer: string;

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const intake = () => suite.stack.apps['intake'].http;

  /** A published programme whose intake is open today: networking only, so its survey is short. */
  async function publishedProgramme(name: string): Promise<string> {
    const created = await intake()
      .post('/v1/programs')
      .set(bearer(organizer))
      .send({
        name,
        description: 'Alumni open their address books to students looking for their first professional contacts.',
        charter: 'We meet every two weeks and keep what is said between us.',
        objectives: ['networking'],
        startsOn: day(10),
        endsOn: day(190),
        cadenceDays: 14,
        matchingModes: ['organizer_rounds'],
        defaultMentorCapacity: 2,
        intakeOpensOn: day(0),
        intakeClosesOn: day(9),
      })
      .expect(201);
    await intake().post(`/v1/programs/${created.body.id}/publish`).set(bearer(organizer)).expect(200);
    return created.body.id as string;
  }

  const member = (roles: string[] = []) => suite.member(network, { roles });

  beforeAll(async () => {
    const identity = suite.stack.apps['identity'];
    network = await createTestNetwork(identity.http, await adminToken(identity.http), 'enrol');
    organizer = (await member(['organizer'])).token;
  });

  const open = (viewport: ViewportName, language: Language): Promise<Page> => suite.open(viewport, LOCALES[language]);

  /** What has the keyboard's focus, as a screen reader would name it (this suite is compiled without the DOM's types). */
  const focused = (page: Page) =>
    page.evaluate(() => {
      interface Element {
        readonly tagName: string;
        readonly type?: string;
        readonly textContent: string | null;
        readonly labels?: readonly { textContent: string | null }[] | null;
        readonly ownerDocument: { getElementById(id: string): Element | null };
        getAttribute(name: string): string | null;
        closest(selector: string): Element | null;
      }
      const element = (globalThis as unknown as { document: { activeElement: Element | null } }).document.activeElement;
      if (!element) return { tag: '', type: '', name: '', group: '' };
      const labelled = (node: Element | null) => {
        if (!node) return '';
        const by = node.getAttribute('aria-labelledby');
        if (by) return by.split(' ').map((id: string) => node.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
        return node.getAttribute('aria-label') ?? '';
      };
      const name = element.getAttribute('aria-label') ?? element.labels?.[0]?.textContent ?? element.textContent ?? '';
      const group = labelled(element.closest('[role=group],[role=radiogroup],[role=toolbar]'));
      return { tag: element.tagName.toLowerCase(), type: element.type ?? '', name: name.trim(), group: group.trim() };
    });

  /** Presses Tab (or Shift+Tab) until the focus is where `wanted` says, as a keyboard user moves through a page. */
  async function tabTo(page: Page, wanted: (focus: Awaited<ReturnType<typeof focused>>) => boolean, what: string, key: 'Tab' | 'Shift+Tab' = 'Tab') {
    for (let presses = 0; presses < 60; presses += 1) {
      await page.keyboard.press(key);
      if (wanted(await focused(page))) return;
    }
    throw new Error(`sixty presses of ${key} never reached ${what}; the focus is on ${JSON.stringify(await focused(page))}`);
  }
  /** Moves along a group with the arrow keys (left first, to its start, then right) until `name` has the focus. */
  async function arrowTo(page: Page, name: string) {
    for (let presses = 0, last = ''; presses < 30; presses += 1) {
      const now = (await focused(page)).name;
      if (now === last) break;
      last = now;
      await page.keyboard.press('ArrowLeft');
    }
    for (let presses = 0; presses < 30; presses += 1) {
      if ((await focused(page)).name === name) return;
      await page.keyboard.press('ArrowRight');
    }
    throw new Error(`the arrow keys never reached ${name}`);
  }
  const named = (name: string) => (focus: { name: string }) => focus.name === name;
  const inGroup = (group: RegExp | string) => (focus: { group: string }) => (typeof group === 'string' ? focus.group === group : group.test(focus.group));

  /** Signs in with the keyboard alone, as a person who uses no pointer. */
  async function signInByKeyboard(page: Page, credentials: Credentials, text: Text) {
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: text['login.title'] }).waitFor();
    await tabTo(page, named(text['login.network']), 'the network field');
    await page.keyboard.type(credentials.network);
    await page.keyboard.press('Tab');
    await page.keyboard.type(credentials.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(credentials.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: text['home.title'] }).waitFor({ timeout: 15_000 });
  }

  it('lets a mentee enrol with the keyboard alone, shows the survey’s refusal beside its question, checks a SMART goal live, and shows it on My progress', async () => {
    const programme = 'Réseau pro (navigateur)';
    await publishedProgramme(programme);
    const mentee = await member();
    const page = await open('desk', 'fr');
    await signInByKeyboard(page, mentee, fr);

    // From the menu to the programme, then to enrolling as a mentee.
    await tabTo(page, named(fr['nav.programmes']), 'the menu’s Programmes');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: fr['programmes.title'] }).waitFor();
    await expectAccessible(page, 'the programmes');
    await tabTo(page, named(programme), 'the programme’s link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: programme }).waitFor();
    expect(await page.getByRole('list', { name: fr['programmes.objectives'] }).textContent()).toBe(fr['programmes.objective.networking']);
    await expectAccessible(page, 'the programme page');
    await tabTo(page, named(fr['programmes.enrolAs.mentee']), 'enrolling as a mentee');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: say(fr['enrolment.title.mentee'], { programme }) }).waitFor();
    await expectAccessible(page, 'the enrolment survey');

    // Languages: the long list is filtered, then the choice ticked with Space.
    await tabTo(page, (focus) => focus.type === 'search' && focus.name.includes('Which languages'), 'the languages’ filter');
    await page.keyboard.type('Fren');
    await tabTo(page, named('French'), 'French');
    await page.keyboard.press('Space');
    // One free hour only, where the survey asks for two: the service will say so.
    await tabTo(page, (focus) => focus.name.startsWith(`${fr['enrolment.day.tue']} à`), 'Tuesday’s hours');
    for (let hour = 7; hour < 18; hour += 1) await page.keyboard.press('ArrowRight');
    expect((await focused(page)).name).toBe('Mardi à 18:00');
    await page.keyboard.press('Space');
    await tabTo(page, (focus) => focus.type === 'search' && focus.name.includes('Which industry'), 'the industries’ filter');
    await page.keyboard.type('bank');
    await tabTo(page, named('Banking'), 'Banking');
    await page.keyboard.press('Space');
    await tabTo(page, (focus) => focus.name.startsWith('How many years'), 'the years of experience');
    await page.keyboard.type('0');
    await tabTo(page, inGroup(/^How large is your professional network today\?/), 'the network size');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, named('Professionals of a given industry'), 'a kind of contact');
    await page.keyboard.press('Space');
    for (const scale of ['confidence', 'communication', 'leadership', 'networkSize'] as const) {
      await tabTo(page, inGroup(new RegExp(`^${fr[`enrolment.scale.${scale}`]}`)), `the baseline’s ${scale}`);
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
    }
    await tabTo(page, named(fr['enrolment.submit']), 'the submit button');
    await page.keyboard.press('Enter');

    // The service refuses one free hour; its words stand beside the availability question, and nothing typed is lost.
    await page.getByRole('alert').filter({ hasText: fr['form.error.fields'] }).waitFor({ timeout: 15_000 });
    const availability = page.getByRole('group', { name: /When are you usually free/ });
    expect(await availability.getAttribute('aria-invalid')).toBe('true');
    expect(await availability.locator(':scope > .field-error').textContent()).toMatch(/^slots: must list between 2 slots/);
    expect(await page.getByRole('checkbox', { name: 'French' }).isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Mardi à 18:00' }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'the enrolment survey with the service’s refusal');
    await keepScreenshot(page, 'enrolment-refused-desk-fr');

    // Back to Tuesday's hours, then along them with the arrow keys to 19:00.
    await tabTo(page, inGroup(fr['enrolment.day.tue']), 'Tuesday’s hours again', 'Shift+Tab');
    await arrowTo(page, 'Mardi à 19:00');
    await page.keyboard.press('Space');
    await tabTo(page, named(fr['enrolment.submit']), 'the submit button');
    await page.keyboard.press('Enter');

    // Enrolled: on to the goals, where the service checks the draft as it is typed.
    await page.getByRole('heading', { level: 1, name: say(fr['goals.title'], { programme }) }).waitFor({ timeout: 15_000 });
    await page.getByText(fr['goals.welcome']).waitFor();
    const verdict = page.locator('.smart-verdict');
    expect(await verdict.textContent()).toContain(fr['goals.smart.waiting']);
    await tabTo(page, named(fr['goals.field.title']), 'the goal’s title');
    const title = 'Meet ten data professionals working in banking';
    await page.keyboard.type(title);
    await verdict.getByText(fr['goals.smart.notYet']).waitFor({ timeout: 10_000 });
    const criterion = (name: string) => verdict.locator('li').filter({ hasText: name });
    expect(await criterion(fr['goals.criterion.specific']).textContent()).toContain(`${fr['goals.criterion.specific']} — ${fr['goals.smart.passed']}`);
    expect(await criterion(fr['goals.criterion.time_bound']).textContent()).toContain(say(fr['goals.smart.toFill'], { field: fr['goals.field.dueOn'] }));
    await expectAccessible(page, 'the goals with a draft half written');

    await tabTo(page, inGroup(fr['goals.field.objective']), 'the goal’s objective');
    await page.keyboard.press('Space');
    await tabTo(page, named(fr['goals.field.metric']), 'the goal’s metric');
    // A closed select moves through its options with the arrow keys: the second networking metric.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel(fr['goals.field.metric'], { exact: true }).inputValue()).toBe('professional_contacts_made');
    await tabTo(page, named(fr['goals.field.targetValue']), 'the goal’s target');
    await page.keyboard.type('10');
    await tabTo(page, named(fr['goals.field.dueOn']), 'the goal’s due date');
    const due = day(70);
    // The date field takes its parts in the order the browser's own locale shows them: month, day, year here.
    const [year, month, date] = due.split('-');
    await page.keyboard.type(`${month}${date}${year}`);
    expect(await page.getByLabel(fr['goals.field.dueOn'], { exact: true }).inputValue()).toBe(due);
    await verdict.getByText(fr['goals.smart.allPass']).waitFor({ timeout: 10_000 });
    for (const name of ['specific', 'measurable', 'achievable', 'relevant', 'time_bound'] as const) {
      expect(await criterion(fr[`goals.criterion.${name}`]).textContent()).toBe(`✓ ${fr[`goals.criterion.${name}`]} — ${fr['goals.smart.passed']}`);
    }
    await keepScreenshot(page, 'goals-checked-desk-fr');
    await tabTo(page, named(fr['goals.set']), 'saving the goal');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: title }).waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'the goals with one set');

    await page.goto('/progress');
    await page.getByRole('heading', { level: 1, name: fr['progress.title'] }).waitFor();
    await page.getByRole('article', { name: title }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('article', { name: title }).getByRole('progressbar').getAttribute('value')).toBe('0');
    await expectAccessible(page, 'My progress');
  });

  describe('an enrolled mentee’s pages', () => {
    let enrolled: Credentials;
    let programId: string;
    const programme = 'Cercle réseau (captures)';

    beforeAll(async () => {
      programId = await publishedProgramme(programme);
      const mentee = await member();
      enrolled = mentee;
      const enrolment = await intake()
        .post('/v1/enrollments')
        .set(bearer(mentee.token))
        .send({
          programId,
          role: 'mentee',
          templateVersion: 1,
          answers: {
            languages: ['fr', 'en'],
            availability: { timeZone: 'Europe/Paris', slots: ['tue-18', 'thu-18'] },
            industries: ['banking'],
            experience_years: 0,
            network_size: 1,
            contact_kinds: ['industry_professionals'],
          },
          baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 },
        })
        .expect(201);
      const goals = `/v1/enrollments/${enrolment.body.id}/goals`;
      const goal = await intake()
        .post(goals)
        .set(bearer(mentee.token))
        .send({ title: 'Meet ten data professionals working in banking', objective: 'networking', metric: 'professional_contacts_made', targetValue: 10, dueOn: day(90) })
        .expect(201);
      await intake().post(`${goals}/${goal.body.id}/progress`).set(bearer(mentee.token)).send({ valueReached: 3, reachedOn: day(0) }).expect(200);
    }, 60_000);

    describe.each(EVERY_VIEW)('at a %s’s width in %s', (viewport, language) => {
      it('shows the home, the programme, the enrolment and My progress fitting the width, with no serious accessibility violation', async () => {
        const text = CATALOGUES[language];
        const page = await open(viewport, language);
        await signIn(page, enrolled, text);
        const home = page.getByRole('region', { name: text['home.programmes'] });
        await home.getByRole('link', { name: programme }).waitFor({ timeout: 15_000 });
        await page.getByRole('region', { name: text['home.progress'] }).getByText(say(text['home.goalsProgress'], { n: 1, percent: 30 })).waitFor({ timeout: 15_000 });
        expect(await fitsWidth(page)).toBe(true);
        await expectAccessible(page, `the home (${viewport}, ${language})`);
        await keepScreenshot(page, `home-mentee-${viewport}-${language}`);

        await page.goto(`/programmes/${programId}`);
        await page.getByRole('link', { name: text['programmes.goals'], exact: true }).waitFor();
        expect(await fitsWidth(page)).toBe(true);
        await expectAccessible(page, `the programme page (${viewport}, ${language})`);
        await keepScreenshot(page, `programme-${viewport}-${language}`);

        await page.goto(`/programmes/${programId}/enrol/mentee`);
        await page.getByRole('heading', { level: 1, name: say(text['enrolment.editTitle'], { programme }) }).waitFor();
        await page.getByRole('checkbox', { name: 'French' }).waitFor();
        expect(await fitsWidth(page)).toBe(true);
        await expectAccessible(page, `the enrolment (${viewport}, ${language})`);
        await keepScreenshot(page, `enrolment-${viewport}-${language}`);

        await page.goto('/progress');
        const goal = page.getByRole('article', { name: 'Meet ten data professionals working in banking' });
        await goal.waitFor({ timeout: 15_000 });
        expect(await goal.getByRole('progressbar').getAttribute('value')).toBe('30');
        expect(await fitsWidth(page)).toBe(true);
        await expectAccessible(page, `My progress (${viewport}, ${language})`);
        await keepScreenshot(page, `progress-${viewport}-${language}`);
      });
    });
  });
});
