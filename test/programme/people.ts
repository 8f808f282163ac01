import { DEV_PLATFORM_ADMIN, type SmtpTestServer, tokenInMail } from '@passerelle/testing';
import type { Api } from './api';
import type { Role, Scales } from './ledger';

export interface Person {
  readonly index: number;
  readonly role: Role | 'organizer';
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  userId: string;
  token: string;
}

/** The `sub` of an access token: the client reads its own id from the token it got. */
export function subjectOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub as string;
}

export async function login(identity: Api, network: string, email: string, password: string): Promise<string> {
  const body = await identity.expect<{ accessToken: string }>(200, 'POST', '/v1/auth/login', { body: { network, email, password } });
  return body.accessToken;
}

export async function platformAdminToken(identity: Api): Promise<string> {
  return login(identity, DEV_PLATFORM_ADMIN.network, DEV_PLATFORM_ADMIN.email, DEV_PLATFORM_ADMIN.password);
}

/** Registers in an open network, follows the link of the verification mail with the password just chosen, and logs in. */
export async function registerAndVerify(identity: Api, smtp: SmtpTestServer, network: string, person: Omit<Person, 'userId' | 'token'>): Promise<Person> {
  await identity.expect(202, 'POST', '/v1/auth/register', {
    body: { network, email: person.email, password: person.password, displayName: person.displayName },
  });
  const mail = await smtp.waitFor(person.email, /^Confirm your e-mail address/, { timeoutMs: 30_000 });
  await identity.expect(204, 'POST', '/v1/auth/verify-email', { body: { token: tokenInMail(mail), password: person.password } });
  const token = await login(identity, network, person.email, person.password);
  return { ...person, userId: subjectOf(token), token };
}

/** A deterministic baseline per person: mentors rate themselves higher than mentees. */
export function baselineOf(role: Role, index: number): Scales {
  const low = role === 'mentee' ? 1 : 3;
  return {
    confidence: low + (index % 3),
    communication: low + ((index + 1) % 3),
    leadership: low + ((index + 2) % 2),
    networkSize: low + (index % 2),
  };
}

const SKILLS = ['data-analysis', 'python', 'public-speaking', 'accounting', 'agile-methods', 'business-strategy'];

/**
 * An answer to every question of the generated survey of a job_search +
 * networking + skills programme; an unknown question fails the test, so the
 * answers stay complete if the survey grows.
 */
export function answersTo(questions: ReadonlyArray<{ id: string }>, role: Role, index: number): Record<string, unknown> {
  const skill = (offset: number, level: number) => ({ id: SKILLS[(index + offset) % SKILLS.length], level });
  const known: Record<string, unknown> = {
    languages: index % 2 === 0 ? ['fr', 'en'] : ['fr'],
    availability: { timeZone: 'Europe/Paris', slots: ['tue-18', 'tue-19', 'thu-18', 'thu-19'] },
    industries: [index % 3 === 0 ? 'banking' : 'consulting'],
    experience_years: role === 'mentor' ? 8 + (index % 10) : index % 3,
    employer: role === 'mentor' ? `Employer ${index % 7} SA` : `Student job ${index % 5}`,
    interests: ['sustainability'],
    about: role === 'mentor' ? 'Happy to share what I learnt in two careers.' : 'Looking for my first role after graduating.',
    target_roles: ['data_analytics'],
    target_industries: ['banking', 'consulting'],
    network_size: role === 'mentor' ? 4 + (index % 2) : 1 + (index % 2),
    contact_kinds: ['recruiters', 'industry_professionals'],
    skills_offered: role === 'mentor' ? [skill(0, 5), skill(1, 4)] : [skill(3, 2)],
    skills_wanted: [skill(0, 4), skill(2, 3)],
  };
  return Object.fromEntries(
    questions.map((question) => {
      if (!(question.id in known)) throw new Error(`the ${role} survey asks "${question.id}", which this suite does not answer yet`);
      return [question.id, known[question.id]];
    }),
  );
}
