import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { get, plural, post, sleep, unexpected } from './demo-http';
import { furnishHomes } from './demo-homes';
import { bringProgramMidway, type MidwaySummary } from './demo-midway';

export const DEMO_NETWORK = {
  name: 'Demo University Alumni',
  slug: 'demo-university',
  allowedEmailDomains: ['example.org'],
  registrationPolicy: 'invitation',
} as const;

/** identity's development-default platform admin (apps/identity/src/config.ts); creating networks needs its token. */
const DEV_PLATFORM_ADMIN = {
  network: 'platform',
  email: process.env['PLATFORM_ADMIN_EMAIL'] ?? 'platform-admin@example.org',
  password: process.env['PLATFORM_ADMIN_PASSWORD'] ?? 'development-only-admin-password',
} as const;

/** Example people; example.org is reserved for documentation, so no mail ever reaches anyone. */
export const DEMO_USERS = [
  { email: 'camille.durand@example.org', displayName: 'Camille Durand' },
  { email: 'amina.benali@example.org', displayName: 'Amina Benali' },
  { email: 'lucas.martin@example.org', displayName: 'Lucas Martin' },
  { email: 'sofia.rossi@example.org', displayName: 'Sofia Rossi' },
  { email: 'jonas.weber@example.org', displayName: 'Jonas Weber' },
  { email: 'mei.tanaka@example.org', displayName: 'Mei Tanaka' },
] as const;

/**
 * The password every demo user gets, set the way an account created by an
 * organizer gets one: through the reset mail (caught locally by `npm start`).
 * Development data only.
 */
export const DEMO_PASSWORD = 'demo-only-password';

/** Camille runs the demo programme (identity's `organizer` role); the others take part in it. */
export const DEMO_ORGANIZER_EMAIL = 'camille.durand@example.org';

/** Found again by its name on the next run. */
export const DEMO_PROGRAM = {
  name: 'First Steps (demo)',
  description: 'Alumni of the university mentor students and young graduates towards their first job, their first professional network and the skills employers ask for.',
  charter: 'We meet every two weeks, keep what is said between us, prepare each session, and tell the organizers when something does not work.',
  objectives: ['job_search', 'networking', 'skills'],
  cadenceDays: 14,
  matchingModes: ['organizer_rounds', 'mentee_choice'],
  defaultMentorCapacity: 2,
} as const;

/**
 * A second programme, open for enrolment and with nobody in it yet: what a
 * participant finds to join from their home and the programmes page.
 */
export const DEMO_OPEN_PROGRAM = {
  name: 'Leadership Circle (demo)',
  description: 'Alumni in management roles help young graduates take on their first team or project lead.',
  charter: 'We meet every three weeks, speak frankly, and keep what is said between us.',
  objectives: ['networking', 'skills'],
  cadenceDays: 21,
  matchingModes: ['mentee_choice'],
  defaultMentorCapacity: 1,
} as const;

type ProgramDefinition = typeof DEMO_PROGRAM | typeof DEMO_OPEN_PROGRAM;

type ProgramRole = 'mentor' | 'mentee';
type Baseline = { readonly confidence: number; readonly communication: number; readonly leadership: number; readonly networkSize: number };

interface DemoGoal {
  readonly title: string;
  readonly objective: (typeof DEMO_PROGRAM.objectives)[number];
  readonly metric: string;
  readonly baselineValue?: number;
  readonly targetValue: number;
  /** Due this many days after work can start (the programme's start, or today if later), and never after its end. */
  readonly dueAfterDays: number;
}

interface DemoParticipant {
  readonly email: string;
  readonly role: ProgramRole;
  /**
   * What this person answers, by question id of the survey generated from the
   * programme's objectives. A question the survey asks beyond these gets a
   * plain valid answer, and an id the network's taxonomies lack is replaced,
   * so the enrolment passes whatever the organizers changed.
   */
  readonly answers: Readonly<Record<string, unknown>>;
  readonly baseline: Baseline;
  readonly capacity?: number;
  readonly goals?: readonly DemoGoal[];
}

export const DEMO_PARTICIPANTS: readonly DemoParticipant[] = [
  {
    email: 'amina.benali@example.org',
    role: 'mentor',
    capacity: 2,
    baseline: { confidence: 4, communication: 4, leadership: 4, networkSize: 4 },
    answers: {
      languages: ['fr', 'en', 'ar'],
      availability: { timeZone: 'Europe/Paris', slots: ['tue-18', 'tue-19', 'thu-12', 'sat-10'] },
      industries: ['banking', 'investment-management'],
      experience_years: 12,
      employer: 'Banque Exemple',
      target_roles: ['data_analytics', 'finance'],
      target_industries: ['banking', 'insurance'],
      network_size: 4,
      contact_kinds: ['recruiters', 'industry_professionals', 'alumni_same_field'],
      skills_offered: [
        { id: 'data-analysis', level: 5 },
        { id: 'financial-modelling', level: 4 },
        { id: 'interview-preparation', level: 4 },
      ],
      interests: ['women-in-leadership', 'personal-finance'],
      about: 'I lead a data team in retail banking and am happy to review CVs and rehearse interviews.',
    },
  },
  {
    email: 'lucas.martin@example.org',
    role: 'mentor',
    capacity: 1,
    baseline: { confidence: 4, communication: 3, leadership: 3, networkSize: 3 },
    answers: {
      languages: ['fr', 'en'],
      availability: { timeZone: 'Europe/Paris', slots: ['mon-19', 'wed-12', 'wed-19'] },
      industries: ['software-internet'],
      experience_years: 8,
      employer: 'Exemple Logiciels',
      target_roles: ['software_engineering', 'product_management'],
      target_industries: ['software-internet', 'telecommunications'],
      network_size: 3,
      contact_kinds: ['industry_professionals', 'entrepreneurs'],
      skills_offered: [
        { id: 'software-engineering', level: 5 },
        { id: 'python', level: 4 },
        { id: 'public-speaking', level: 3 },
      ],
      interests: ['startups', 'technology-innovation'],
      about: 'Engineering manager; I moved from a start-up to a large company and can talk about both.',
    },
  },
  {
    email: 'sofia.rossi@example.org',
    role: 'mentee',
    baseline: { confidence: 2, communication: 3, leadership: 2, networkSize: 1 },
    answers: {
      languages: ['it', 'en', 'fr'],
      availability: { timeZone: 'Europe/Rome', slots: ['tue-18', 'thu-18', 'sat-10'] },
      industries: ['banking'],
      experience_years: 0,
      employer: 'Caffè Esempio',
      target_roles: ['data_analytics'],
      target_industries: ['banking', 'consulting'],
      network_size: 1,
      contact_kinds: ['industry_professionals', 'recruiters'],
      skills_wanted: [
        { id: 'data-analysis', level: 4 },
        { id: 'sql', level: 4 },
      ],
      skills_offered: [{ id: 'excel', level: 3 }],
      interests: ['sustainability', 'travel'],
      about: 'Final-year statistics student looking for a first data role in finance.',
    },
    goals: [
      { title: 'Obtain three interviews for data analyst roles in banking', objective: 'job_search', metric: 'interviews_obtained', targetValue: 3, dueAfterDays: 120 },
      {
        title: 'Reach level 4 in SQL by passing a data analyst technical test',
        objective: 'skills',
        metric: 'skill_level_reached',
        baselineValue: 2,
        targetValue: 4,
        dueAfterDays: 150,
      },
    ],
  },
  {
    email: 'jonas.weber@example.org',
    role: 'mentee',
    baseline: { confidence: 3, communication: 2, leadership: 2, networkSize: 2 },
    answers: {
      languages: ['de', 'en'],
      availability: { timeZone: 'Europe/Berlin', slots: ['mon-19', 'wed-19', 'sun-17'] },
      industries: ['software-internet'],
      experience_years: 1,
      employer: 'Beispiel GmbH',
      target_roles: ['software_engineering'],
      target_industries: ['software-internet'],
      network_size: 2,
      contact_kinds: ['industry_professionals', 'alumni_same_field'],
      skills_wanted: [
        { id: 'software-engineering', level: 4 },
        { id: 'public-speaking', level: 3 },
      ],
      skills_offered: [{ id: 'web-development', level: 3 }],
      interests: ['music', 'startups'],
      about: 'Junior developer who wants to meet people in the Berlin software scene.',
    },
    goals: [
      { title: 'Meet ten engineers working at Berlin software companies', objective: 'networking', metric: 'professional_contacts_made', targetValue: 10, dueAfterDays: 90 },
    ],
  },
  {
    email: 'mei.tanaka@example.org',
    role: 'mentee',
    baseline: { confidence: 2, communication: 2, leadership: 1, networkSize: 1 },
    answers: {
      languages: ['ja', 'en'],
      availability: { timeZone: 'Asia/Tokyo', slots: ['mon-20', 'tue-18', 'wed-20', 'sat-16'] },
      industries: ['software-internet', 'retail-ecommerce'],
      experience_years: 0,
      employer: 'Sample Retail KK',
      target_roles: ['product_management', 'design'],
      target_industries: ['software-internet'],
      network_size: 1,
      contact_kinds: ['industry_professionals', 'recruiters', 'entrepreneurs'],
      skills_wanted: [
        { id: 'product-management', level: 4 },
        { id: 'ux-design', level: 3 },
      ],
      skills_offered: [{ id: 'graphic-design', level: 4 }],
      interests: ['technology-innovation', 'working-abroad'],
      about: 'Design graduate aiming for a junior product manager position in Europe.',
    },
    goals: [
      { title: 'Send twenty applications for junior product manager positions', objective: 'job_search', metric: 'applications_sent', targetValue: 20, dueAfterDays: 60 },
      { title: 'Complete two portfolio case studies of product redesigns', objective: 'skills', metric: 'portfolio_items_completed', targetValue: 2, dueAfterDays: 120 },
    ],
  },
];

export interface DemoSeedOptions {
  readonly identityUrl: string;
  readonly intakeUrl: string;
  readonly matchingUrl: string;
  readonly communicationUrl: string;
  readonly evaluationUrl: string;
  /**
   * Where the local mail catcher writes the mails; the demo users' password is
   * set through the reset mail found there. Undefined when another SMTP server
   * takes the mails: users without the demo password then cannot be signed in.
   */
  readonly mailFolder?: string;
  readonly log: (line: string) => void;
  readonly reportTimeoutMs: number;
}

export interface DemoProgramSummary {
  readonly id: string;
  readonly name: string;
  readonly intakeOpensOn: string;
  readonly intakeClosesOn: string;
  readonly startsOn: string;
  readonly endsOn: string;
  /** Active enrolments and goals set, as `GET /v1/programs/{id}/statistics` counts them. */
  readonly mentors: number;
  readonly mentees: number;
  readonly goals: number;
  /** Matches, sessions, feedback and the pair at risk; undefined when intake was not open to enrol the participants. */
  readonly midway?: MidwaySummary;
}

export interface DemoSeedResult {
  readonly kind: 'seeded' | 'completed';
  readonly networkId: string;
  readonly usersCreated: number;
  /** What evaluation's report counted last; below DEMO_USERS.length when it did not catch up in time. */
  readonly registeredUsers: number;
  /** Undefined when the demo users could not be signed in (see the warning logged). */
  readonly program?: DemoProgramSummary;
}

/**
 * Creates the demo network and its users, then the demo programme with its
 * enrolments and goals, through the public API only (what an integrator, an
 * organizer and the participants could do), then waits until evaluation's
 * report counts the users: that proves the whole path identity → outbox →
 * Kafka → evaluation works. Safe to run again: what exists already is
 * reported, not duplicated.
 */
export async function seedDemoData(options: DemoSeedOptions): Promise<DemoSeedResult> {
  const { log } = options;
  const login = await post(`${options.identityUrl}/v1/auth/login`, DEV_PLATFORM_ADMIN);
  if (login.status !== 200) throw unexpected('POST /v1/auth/login as the development platform admin', login);
  const token = String(login.body['accessToken']);
  const created = await post(`${options.identityUrl}/v1/networks`, DEMO_NETWORK, token);
  let networkId: string;
  let kind: 'seeded' | 'completed';
  if (created.status === 201) {
    networkId = String(created.body['id']);
    kind = 'seeded';
    log(`demo: created the network "${DEMO_NETWORK.name}" (${networkId})`);
  } else if (created.status === 409) {
    const listed = await get(`${options.identityUrl}/v1/networks`, token);
    const existing = (listed.body as unknown as { id: string; slug: string }[]).find((network) => network.slug === DEMO_NETWORK.slug);
    if (listed.status !== 200 || !existing) throw unexpected('GET /v1/networks', listed);
    networkId = existing.id;
    kind = 'completed';
    log(`demo: the network "${DEMO_NETWORK.name}" is already there (${networkId})`);
  } else {
    throw unexpected('POST /v1/networks', created);
  }

  // Registering again answers 409 per user, which also completes a seed interrupted half-way.
  const newUsers = new Set<string>();
  for (const user of DEMO_USERS) {
    const answer = await post(`${options.identityUrl}/v1/users`, { networkId, ...user }, token);
    if (answer.status === 201) newUsers.add(user.email);
    else if (answer.status !== 409) throw unexpected('POST /v1/users', answer);
  }
  const usersCreated = newUsers.size;
  log(
    usersCreated === DEMO_USERS.length
      ? `demo: registered ${usersCreated} users`
      : `demo: ${DEMO_USERS.length - usersCreated} of ${DEMO_USERS.length} users were already registered` +
          (usersCreated > 0 ? `, registered ${usersCreated}` : ''),
  );

  const program = await seedDemoProgram(options, token, newUsers);
  const registeredUsers = await waitForReport(options, networkId, token);
  return { kind, networkId, usersCreated, registeredUsers, program };
}

export function registrationsReportUrl(evaluationUrl: string, networkId: string): string {
  return `${evaluationUrl}/v1/reports/networks/${networkId}/registrations`;
}

/**
 * Polls the report until it counts every demo user, with a progress line
 * every 10 s. Running out of time is a warning, not a failure: the system is
 * up, and its logs and metrics are the way to find out what went wrong.
 */
async function waitForReport(options: DemoSeedOptions, networkId: string, token: string): Promise<number> {
  const url = registrationsReportUrl(options.evaluationUrl, networkId);
  const started = Date.now();
  let lastProgress = started;
  let last = 'no answer yet';
  let count = 0;
  for (;;) {
    try {
      const answer = await get(url, token);
      if (answer.status !== 200) throw unexpected('GET the registrations report', answer);
      count = Number(answer.body['registeredUsers']);
      last = `it counts ${count}`;
      if (count >= DEMO_USERS.length) {
        options.log(
          `demo: evaluation's report counts ${count} users (after ${((Date.now() - started) / 1000).toFixed(1)}s, via Kafka)`,
        );
        return count;
      }
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    const elapsed = Date.now() - started;
    if (elapsed > options.reportTimeoutMs) {
      options.log(
        `demo: WARNING: evaluation's report did not count the ${DEMO_USERS.length} demo users within ` +
          `${options.reportTimeoutMs / 1000}s (${last}). See the identity and evaluation logs` +
          (count > 0
            ? `; a count stuck part-way usually means another evaluation process on this broker ` +
              `(e.g. a running "npm test") shares the passerelle.evaluation consumer group and took some of the events`
            : ''),
      );
      return count;
    }
    if (Date.now() - lastProgress >= 10_000) {
      lastProgress = Date.now();
      options.log(`demo: waiting for evaluation to count the users (${Math.round(elapsed / 1000)}s, ${last})…`);
    }
    await sleep(250);
  }
}

// ------------------------------------------------------------ the demo programme

interface Session {
  readonly token: string;
  readonly userId: string;
  readonly roles: readonly string[];
  readonly displayName: string;
}

interface Program {
  readonly id: string;
  readonly name: string;
  readonly status: 'draft' | 'published' | 'closed';
  readonly intakeOpensOn: string;
  readonly intakeClosesOn: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/** The survey question as `GET /v1/programs/{id}/surveys/{role}` describes it; only what answering needs. */
interface Question {
  readonly id: string;
  readonly type: string;
  readonly required: boolean;
  readonly source?: { readonly options?: readonly { readonly id: string }[]; readonly taxonomy?: string };
  readonly minSelected?: number;
  readonly maxSelected?: number;
  readonly withLevels?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly maxLength?: number;
  readonly minSlots?: number;
}

/** Active term ids per taxonomy kind of the network. */
type Terms = ReadonlyMap<string, readonly string[]>;

const TAXONOMY_KINDS = ['skills', 'industries', 'interests', 'languages'] as const;

/**
 * The demo programme, as its organizer and participants would build it:
 * Camille (made organizer) creates and publishes it with intake open today;
 * each participant reads their survey and enrols answering every question;
 * each mentee sets SMART goals. Returns undefined, with a warning, when the
 * demo users cannot be signed in.
 */
async function seedDemoProgram(options: DemoSeedOptions, adminToken: string, newUsers: ReadonlySet<string>): Promise<DemoProgramSummary | undefined> {
  const { log, intakeUrl } = options;
  const sessions = await signInDemoUsers(options, newUsers);
  if (!sessions) return undefined;
  const organizer = await ensureOrganizer(options, sessions, adminToken);
  const program = await ensureProgram(options, organizer, DEMO_PROGRAM);
  await ensureProgram(options, organizer, DEMO_OPEN_PROGRAM);

  const today = calendarDay(new Date());
  const intakeOpen = program.status === 'published' && today >= program.intakeOpensOn && today <= program.intakeClosesOn;
  if (!intakeOpen) {
    log(
      `demo: intake of "${program.name}" is not open today (${program.status}, intake ${program.intakeOpensOn} to ${program.intakeClosesOn}); ` +
        'its enrolments and goals are left as they are',
    );
  } else {
    const terms = await readTerms(intakeUrl, organizer);
    const tally = { enrolled: { mentor: 0, mentee: 0 }, present: 0, withdrawn: 0, goalsSet: 0, goalsPresent: 0, questions: new Map<ProgramRole, string>() };
    for (const participant of DEMO_PARTICIPANTS) {
      const session = sessions.get(participant.email)!;
      const enrollmentId = await ensureEnrollment(intakeUrl, program, participant, session, terms, tally);
      if (enrollmentId && participant.goals) await ensureGoals(intakeUrl, program, participant, session, enrollmentId, today, tally);
    }
    const newlyEnrolled = tally.enrolled.mentor + tally.enrolled.mentee;
    if (newlyEnrolled > 0) {
      log(
        `demo: enrolled ${plural(tally.enrolled.mentor, 'mentor')} and ${plural(tally.enrolled.mentee, 'mentee')}, ` +
          `answering every question of the surveys (${[...tally.questions].map(([role, what]) => `${role} ${what}`).join(', ')})` +
          (tally.present > 0 ? `; ${tally.present} already enrolled` : ''),
      );
    } else if (tally.present > 0) {
      log(`demo: the ${plural(tally.present, 'enrolment')} of the participants ${tally.present === 1 ? 'is' : 'are'} already there`);
    }
    if (tally.withdrawn > 0) log(`demo: ${plural(tally.withdrawn, 'participant')} withdrew from "${program.name}"; left withdrawn`);
    if (tally.goalsSet > 0) {
      log(`demo: set ${plural(tally.goalsSet, 'SMART goal')} for the mentees` + (tally.goalsPresent > 0 ? ` (${tally.goalsPresent} already there)` : ''));
    } else if (tally.goalsPresent > 0) {
      log(`demo: the mentees' ${plural(tally.goalsPresent, 'goal')} ${tally.goalsPresent === 1 ? 'is' : 'are'} already there`);
    }
  }

  const participants = new Map(DEMO_PARTICIPANTS.map((participant) => [sessions.get(participant.email)!.userId, sessions.get(participant.email)!] as const));
  const midway = intakeOpen
    ? await bringProgramMidway({
        matchingUrl: options.matchingUrl,
        communicationUrl: options.communicationUrl,
        evaluationUrl: options.evaluationUrl,
        programId: program.id,
        // The organizer's token from ensureOrganizer carries the role granted since signing in.
        organizer: { ...sessions.get(DEMO_ORGANIZER_EMAIL)!, token: organizer },
        participants,
        mentees: DEMO_PARTICIPANTS.filter((participant) => participant.role === 'mentee').length,
        log,
      })
    : undefined;
  if (intakeOpen) {
    await furnishHomes({
      intakeUrl,
      communicationUrl: options.communicationUrl,
      matchingUrl: options.matchingUrl,
      programId: program.id,
      participants: DEMO_PARTICIPANTS.map((participant) => ({ ...sessions.get(participant.email)!, role: participant.role })),
      log,
    });
  }

  const statistics = await get(`${intakeUrl}/v1/programs/${program.id}/statistics`, organizer);
  if (statistics.status !== 200) throw unexpected(`GET /v1/programs/${program.id}/statistics as the organizer`, statistics);
  const { enrollments, goals } = statistics.body as { enrollments: Record<ProgramRole, { active: number; capacity: number }>; goals: { set: number } };
  log(
    `demo: the programme's statistics count ${plural(enrollments.mentor.active, 'mentor')} (capacity ${enrollments.mentor.capacity}), ` +
      `${plural(enrollments.mentee.active, 'mentee')} and ${plural(goals.set, 'goal')}`,
  );
  return {
    id: program.id,
    name: program.name,
    intakeOpensOn: program.intakeOpensOn,
    intakeClosesOn: program.intakeClosesOn,
    startsOn: program.startsOn,
    endsOn: program.endsOn,
    mentors: enrollments.mentor.active,
    mentees: enrollments.mentee.active,
    goals: goals.set,
    midway,
  };
}

/**
 * Logs every demo user in with DEMO_PASSWORD. A user without it (just created,
 * or whose password was changed) gets it the way its owner would: a reset
 * mail, whose link carries the token, read from the mail catcher's folder.
 */
async function signInDemoUsers(options: DemoSeedOptions, newUsers: ReadonlySet<string>): Promise<Map<string, Session> | undefined> {
  const { identityUrl, log } = options;
  const sessions = new Map<string, Session>();
  let reset = 0;
  for (const user of DEMO_USERS) {
    // A user created just now has no password: no point in a login that can only fail (and count as a failure).
    let token = newUsers.has(user.email) ? undefined : await loginDemoUser(identityUrl, user.email);
    if (token === undefined) {
      if (!options.mailFolder) {
        log(
          `demo: WARNING: ${user.displayName} has no demo password yet, and the reset mail that sets it goes to another ` +
            'SMTP server on 127.0.0.1:1025, not to the mail catcher; the demo programme is not seeded. Stop that server and start again.',
        );
        return undefined;
      }
      await setPasswordByMail(identityUrl, options.mailFolder, user.email);
      reset += 1;
      token = await loginDemoUser(identityUrl, user.email);
      if (token === undefined) throw new Error(`demo: ${user.email} cannot log in with the password just set`);
    }
    const me = await get(`${identityUrl}/v1/users/me`, token);
    if (me.status !== 200) throw unexpected(`GET /v1/users/me as ${user.email}`, me);
    sessions.set(user.email, { token, userId: String(me.body['id']), roles: me.body['roles'] as string[], displayName: user.displayName });
  }
  log(
    reset > 0
      ? `demo: set the demo password of ${plural(reset, 'user')} through the password-reset mail; all ${DEMO_USERS.length} logged in`
      : `demo: the ${DEMO_USERS.length} users logged in with the demo password`,
  );
  return sessions;
}

/** The access token, or undefined when the password is not (or no longer) the demo one. */
async function loginDemoUser(identityUrl: string, email: string): Promise<string | undefined> {
  const answer = await post(`${identityUrl}/v1/auth/login`, { network: DEMO_NETWORK.slug, email, password: DEMO_PASSWORD });
  if (answer.status === 200) return String(answer.body['accessToken']);
  if (answer.status === 401) return undefined;
  throw unexpected(`POST /v1/auth/login as ${email}`, answer);
}

async function setPasswordByMail(identityUrl: string, mailFolder: string, email: string): Promise<void> {
  const before = new Set(readdirSync(mailFolder));
  const asked = await post(`${identityUrl}/v1/auth/password-reset`, { network: DEMO_NETWORK.slug, email });
  if (asked.status !== 202) throw unexpected(`POST /v1/auth/password-reset for ${email}`, asked);
  const token = await resetTokenFromMail(mailFolder, email, before);
  const confirmed = await post(`${identityUrl}/v1/auth/password-reset/confirm`, { token, newPassword: DEMO_PASSWORD });
  if (confirmed.status !== 204) throw unexpected(`POST /v1/auth/password-reset/confirm for ${email}`, confirmed);
}

/** The token of the link (`…#token=<43 characters>`) in a mail to `email` that was not in the folder before. */
async function resetTokenFromMail(mailFolder: string, email: string, before: ReadonlySet<string>): Promise<string> {
  // Identity queues the mail and sends it within a second or so (MAIL_POLL_INTERVAL_MS); more if the mail server refused it once.
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const name of readdirSync(mailFolder)) {
      if (before.has(name) || !name.endsWith(`-${email}.txt`)) continue;
      const token = /#token=([A-Za-z0-9_-]{43})/.exec(readFileSync(join(mailFolder, name), 'utf8'))?.[1];
      if (token) return token;
    }
    if (Date.now() > deadline) throw new Error(`demo: no password-reset mail to ${email} arrived in ${mailFolder} within 60s`);
    await sleep(100);
  }
}

/** The organizer's access token, granting the role first if needed (it reaches a token at the next login). */
async function ensureOrganizer(options: DemoSeedOptions, sessions: ReadonlyMap<string, Session>, adminToken: string): Promise<string> {
  const organizer = sessions.get(DEMO_ORGANIZER_EMAIL)!;
  if (organizer.roles.includes('organizer')) return organizer.token;
  const granted = await post(`${options.identityUrl}/v1/users/${organizer.userId}/roles`, { role: 'organizer' }, adminToken);
  if (granted.status !== 200) throw unexpected(`POST /v1/users/${organizer.userId}/roles`, granted);
  options.log(`demo: ${organizer.displayName} is now an organizer of the network`);
  const token = await loginDemoUser(options.identityUrl, DEMO_ORGANIZER_EMAIL);
  if (token === undefined) throw new Error(`demo: ${DEMO_ORGANIZER_EMAIL} cannot log in again after the role was granted`);
  return token;
}

/**
 * The network's programme named as `definition` (the latest one still open,
 * else the latest), created and published if there is none, published if a
 * previous run stopped before it did.
 */
async function ensureProgram(options: DemoSeedOptions, organizer: string, definition: ProgramDefinition): Promise<Program> {
  const { intakeUrl, log } = options;
  const named: Program[] = [];
  let cursor: string | null = null;
  do {
    const page = await get(`${intakeUrl}/v1/programs?limit=100${cursor ? `&cursor=${cursor}` : ''}`, organizer);
    if (page.status !== 200) throw unexpected('GET /v1/programs as the organizer', page);
    named.push(...(page.body['items'] as Program[]).filter((program) => program.name === definition.name));
    cursor = page.body['nextCursor'] as string | null;
  } while (cursor);
  let program = named.filter((candidate) => candidate.status !== 'closed').pop() ?? named.pop();
  if (program) {
    log(`demo: the programme "${program.name}" is already there (${program.id}, ${program.status})`);
  } else {
    const created = await post(`${intakeUrl}/v1/programs`, { ...definition, ...demoProgramDates(calendarDay(new Date())) }, organizer);
    if (created.status !== 201) throw unexpected('POST /v1/programs', created);
    program = created.body as unknown as Program;
    log(`demo: created the programme "${program.name}" (${program.id}): intake ${program.intakeOpensOn} to ${program.intakeClosesOn}, runs ${program.startsOn} to ${program.endsOn}`);
  }
  if (program.status === 'draft') {
    const published = await post(`${intakeUrl}/v1/programs/${program.id}/publish`, undefined, organizer);
    if (published.status !== 200) throw unexpected(`POST /v1/programs/${program.id}/publish`, published);
    program = published.body as unknown as Program;
    log(`demo: published "${program.name}"; intake is open, so its surveys are frozen at their first version`);
  }
  return program;
}

/** Intake opens today for four weeks; the programme starts a week after it closes and runs for six months. */
function demoProgramDates(today: string): Pick<Program, 'intakeOpensOn' | 'intakeClosesOn' | 'startsOn' | 'endsOn'> {
  const intakeClosesOn = addDays(today, 28);
  const startsOn = addDays(intakeClosesOn, 7);
  return { intakeOpensOn: today, intakeClosesOn, startsOn, endsOn: addDays(startsOn, 182) };
}

async function readTerms(intakeUrl: string, token: string): Promise<Terms> {
  const terms = new Map<string, readonly string[]>();
  for (const kind of TAXONOMY_KINDS) {
    const answer = await get(`${intakeUrl}/v1/taxonomies/${kind}`, token);
    if (answer.status !== 200) throw unexpected(`GET /v1/taxonomies/${kind}`, answer);
    terms.set(kind, (answer.body['items'] as { id: string; retired: boolean }[]).filter((term) => !term.retired).map((term) => term.id));
  }
  return terms;
}

interface Tally {
  readonly enrolled: Record<ProgramRole, number>;
  present: number;
  withdrawn: number;
  goalsSet: number;
  goalsPresent: number;
  /** Per role, "v<version>: <n> questions" of the survey answered. */
  readonly questions: Map<ProgramRole, string>;
}

/**
 * The participant's active enrolment in the programme, submitted now if they
 * have none: the survey of their role is read, then answered in full.
 * Undefined when they withdrew, which the seed respects.
 */
async function ensureEnrollment(
  intakeUrl: string,
  program: Program,
  participant: DemoParticipant,
  session: Session,
  terms: Terms,
  tally: Tally,
): Promise<string | undefined> {
  const own = await get(`${intakeUrl}/v1/enrollments?programId=${program.id}&role=${participant.role}`, session.token);
  if (own.status !== 200) throw unexpected(`GET /v1/enrollments as ${participant.email}`, own);
  const items = own.body['items'] as { id: string; status: string }[];
  const active = items.find((enrollment) => enrollment.status === 'active');
  if (active) {
    tally.present += 1;
    return active.id;
  }
  if (items.length > 0) {
    tally.withdrawn += 1;
    return undefined;
  }
  const survey = await get(`${intakeUrl}/v1/programs/${program.id}/surveys/${participant.role}`, session.token);
  if (survey.status !== 200) throw unexpected(`GET /v1/programs/${program.id}/surveys/${participant.role}`, survey);
  const questions = survey.body['questions'] as Question[];
  const answers = Object.fromEntries(questions.map((question) => [question.id, answerQuestion(question, participant.answers[question.id], terms, session.displayName)]));
  const enrolled = await post(
    `${intakeUrl}/v1/enrollments`,
    {
      programId: program.id,
      role: participant.role,
      templateVersion: survey.body['version'],
      answers,
      baseline: participant.baseline,
      ...(participant.capacity !== undefined ? { capacity: participant.capacity } : {}),
    },
    session.token,
  );
  if (enrolled.status !== 201) throw unexpected(`POST /v1/enrollments as ${participant.email} (${participant.role})`, enrolled);
  tally.enrolled[participant.role] += 1;
  tally.questions.set(participant.role, `v${survey.body['version']}: ${plural(questions.length, 'question')}`);
  return String(enrolled.body['id']);
}

/** Sets the participant's demo goals that the enrolment does not have yet (by title), within its limit of three. */
async function ensureGoals(
  intakeUrl: string,
  program: Program,
  participant: DemoParticipant,
  session: Session,
  enrollmentId: string,
  today: string,
  tally: Tally,
): Promise<void> {
  const url = `${intakeUrl}/v1/enrollments/${enrollmentId}/goals`;
  const listed = await get(url, session.token);
  if (listed.status !== 200) throw unexpected(`GET /v1/enrollments/${enrollmentId}/goals`, listed);
  const existing = listed.body as unknown as { title: string | null; status: string }[];
  let kept = existing.filter((goal) => goal.status !== 'abandoned').length;
  // Work can start when the programme does, or today if it already has.
  const from = today > program.startsOn ? today : program.startsOn;
  for (const { dueAfterDays, ...goal } of participant.goals ?? []) {
    if (existing.some((other) => other.title === goal.title)) {
      tally.goalsPresent += 1;
      continue;
    }
    if (kept >= 3) continue;
    const dueOn = [addDays(from, dueAfterDays), program.endsOn].sort()[0];
    const set = await post(url, { ...goal, dueOn }, session.token);
    if (set.status !== 201) throw unexpected(`POST /v1/enrollments/${enrollmentId}/goals as ${participant.email}`, set);
    tally.goalsSet += 1;
    kept += 1;
  }
}

/**
 * A valid answer to `question`: the participant's own where it fits, completed
 * or replaced by the first choices the question offers where it does not
 * (e.g. a term an organizer retired), and a plain answer to a question the
 * demo data does not know. Every question gets an answer, optional ones too.
 */
function answerQuestion(question: Question, preferred: unknown, terms: Terms, displayName: string): unknown {
  switch (question.type) {
    case 'single_choice': {
      const ids = choicesOf(question, terms);
      return typeof preferred === 'string' && ids.includes(preferred) ? preferred : ids[0];
    }
    case 'multiple_choice': {
      const ids = choicesOf(question, terms);
      const max = question.maxSelected ?? ids.length;
      const wanted = Math.min(max, Math.max(question.minSelected ?? 0, 1));
      const chosen: { id: string; level: number }[] = [];
      for (const item of Array.isArray(preferred) ? preferred : []) {
        const choice = typeof item === 'string' ? { id: item, level: 3 } : (item as { id: string; level: number });
        if (ids.includes(choice.id) && chosen.length < max) chosen.push(choice);
      }
      for (const id of ids) {
        if (chosen.length >= wanted) break;
        if (!chosen.some((choice) => choice.id === id)) chosen.push({ id, level: 3 });
      }
      return question.withLevels ? chosen : chosen.map((choice) => choice.id);
    }
    case 'scale':
      return typeof preferred === 'number' && Number.isInteger(preferred) && preferred >= 1 && preferred <= 5 ? preferred : 3;
    case 'number': {
      const min = question.min ?? 0;
      const max = question.max ?? min;
      if (typeof preferred === 'number' && preferred >= min && preferred <= max) return preferred;
      return question.integer ? Math.ceil(min) : min;
    }
    case 'short_text': {
      const text = typeof preferred === 'string' && preferred.trim() !== '' ? preferred : `Answered by ${displayName} for the demo.`;
      return Array.from(text)
        .slice(0, question.maxLength ?? text.length)
        .join('');
    }
    case 'availability': {
      const given = (preferred ?? {}) as { timeZone?: string; slots?: string[] };
      const slots = [...(given.slots ?? [])];
      for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
        if (slots.length >= (question.minSlots ?? 1)) break;
        if (!slots.includes(`${day}-18`)) slots.push(`${day}-18`);
      }
      return { timeZone: given.timeZone ?? 'Europe/Paris', slots };
    }
    default:
      // A question type this seed does not know: the enrolment's 400 will name it.
      return preferred ?? null;
  }
}

function choicesOf(question: Question, terms: Terms): readonly string[] {
  if (question.source?.options) return question.source.options.map((option) => option.id);
  return terms.get(question.source?.taxonomy ?? '') ?? [];
}

/** The UTC calendar day, as intake judges intake windows and due dates. */
function calendarDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return calendarDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}
