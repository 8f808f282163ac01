import { createHash } from 'node:crypto';
import { employerKey, extractFeatures, normaliseEmployer, toUtcWeekHours, utcOffsetMinutes } from './matching-features';
import type { Question } from './question';
import { generateQuestions } from './template-generator';

const WINTER = new Date('2026-01-15T12:00:00Z');
const SUMMER = new Date('2026-07-15T12:00:00Z');
const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** UTC week hours of `slots` in `timeZone` at `at`. */
const utcHours = (timeZone: string, slots: string[], at: Date) => toUtcWeekHours(slots, utcOffsetMinutes(timeZone, at));

describe('time zone offsets', () => {
  it('reads the offset of a zone at a moment, daylight saving included', () => {
    expect(utcOffsetMinutes('Europe/Paris', WINTER)).toBe(60);
    expect(utcOffsetMinutes('Europe/Paris', SUMMER)).toBe(120);
    expect(utcOffsetMinutes('Asia/Kolkata', WINTER)).toBe(330);
    expect(utcOffsetMinutes('America/New_York', WINTER)).toBe(-300);
    expect(utcOffsetMinutes('America/St_Johns', WINTER)).toBe(-210);
    expect(utcOffsetMinutes('UTC', SUMMER)).toBe(0);
  });
});

describe('weekly slots as hours of a UTC week', () => {
  it('Europe/Paris in winter (UTC+1) and in summer (UTC+2)', () => {
    // Tuesday 18:00 local is hour 24 + 18 = 42 of the local week.
    expect(utcHours('Europe/Paris', ['tue-18', 'mon-09'], WINTER)).toEqual([8, 41]);
    expect(utcHours('Europe/Paris', ['tue-18', 'mon-09'], SUMMER)).toEqual([7, 40]);
  });

  it('Asia/Kolkata (UTC+5:30): a slot counts in the UTC hour it starts in', () => {
    // Tuesday 18:00–19:00 IST is 12:30–13:30 UTC: hour 24 + 12.
    expect(utcHours('Asia/Kolkata', ['tue-18'], WINTER)).toEqual([36]);
    // Monday 00:00 IST is Sunday 18:30 UTC: the previous week's hour 6 × 24 + 18.
    expect(utcHours('Asia/Kolkata', ['mon-00'], WINTER)).toEqual([162]);
    // Newfoundland (UTC−3:30): Monday 18:00 local is 21:30 UTC.
    expect(utcHours('America/St_Johns', ['mon-18'], WINTER)).toEqual([21]);
  });

  it('wraps around the week boundaries both ways', () => {
    // Sunday 23:00 at UTC−5 is Monday 04:00 UTC.
    expect(utcHours('America/New_York', ['sun-23'], WINTER)).toEqual([4]);
    // Monday 00:00 in Paris is Sunday 23:00 UTC.
    expect(utcHours('Europe/Paris', ['mon-00'], WINTER)).toEqual([167]);
  });

  it('sorts ascending and merges slots that land on the same UTC hour', () => {
    expect(toUtcWeekHours(['sun-23', 'mon-00', 'wed-12'], 0)).toEqual([0, 60, 167]);
    // With a half-hour offset two local hours never collide, but they are still unique and sorted.
    expect(toUtcWeekHours(['tue-01', 'tue-00'], 30)).toEqual([23, 24]);
  });
});

describe('employer key', () => {
  it('gives the same key whatever the accents, case, punctuation or legal form', () => {
    const key = employerKey('Société Générale SA');
    expect(key).toBe(sha('societe generale'));
    for (const variant of ['societe generale', 'SOCIÉTÉ  GÉNÉRALE', 'Société Générale S.A.', ' Societe-Generale, SAS ']) {
      expect(employerKey(variant)).toBe(key);
    }
    expect(employerKey('Société Générale Securities')).not.toBe(key);
  });

  it('normalises names as documented', () => {
    expect(normaliseEmployer("L'Oréal")).toBe('loreal');
    expect(normaliseEmployer('Robert Bosch GmbH & Co. KG')).toBe('robert bosch');
    expect(normaliseEmployer('The Coca-Cola Company')).toBe('coca cola');
    expect(normaliseEmployer('Ｔｏｙｏｔａ Inc.')).toBe('toyota');
    // A name that is only a legal form stays itself rather than becoming nothing.
    expect(normaliseEmployer('SAS')).toBe('sas');
  });

  it('is a 32-digit hexadecimal key, or null without a name', () => {
    expect(employerKey('Airbus SE')).toMatch(/^[0-9a-f]{32}$/);
    expect(employerKey('')).toBeNull();
    expect(employerKey('  -- . ')).toBeNull();
  });
});

describe('matching features', () => {
  const mentee = generateQuestions(['job_search', 'networking', 'skills'], 'mentee');

  it('carries ids and numbers from the feature-bound answers, sorted, and no free text', () => {
    const features = extractFeatures(
      mentee,
      {
        languages: ['fr', 'en'],
        availability: { timeZone: 'europe/paris', slots: ['thu-19', 'tue-18', 'sat-10'] },
        industries: ['financial-services'],
        experience_years: 0,
        employer: 'Société Générale SA',
        target_roles: ['finance', 'data_analytics'],
        target_industries: ['financial-services', 'consulting'],
        network_size: 2,
        contact_kinds: ['recruiters', 'alumni_same_field'],
        skills_wanted: [
          { id: 'public-speaking', level: 3 },
          { id: 'data-analysis', level: 4 },
        ],
        skills_offered: [{ id: 'python', level: 3 }],
        interests: ['fintech', 'climate'],
        about: 'I love trains.',
      },
      WINTER,
    );
    expect(features).toEqual({
      skillsOffered: [{ id: 'python', level: 3 }],
      skillsWanted: [
        { id: 'data-analysis', level: 4 },
        { id: 'public-speaking', level: 3 },
      ],
      interests: ['climate', 'fintech'],
      industries: ['financial-services'],
      languages: ['en', 'fr'],
      availability: { timeZone: 'Europe/Paris', utcOffsetMinutes: 60, weeklySlotsUtc: [41, 90, 129] },
      experienceYears: 0,
      employerKey: sha('societe generale'),
      targetRoles: ['data_analytics', 'finance'],
      targetIndustries: ['consulting', 'financial-services'],
      networkSize: 2,
      contactKinds: ['alumni_same_field', 'recruiters'],
    });
    expect(JSON.stringify(features)).not.toMatch(/trains|Soci/);
  });

  it('gives empty lists and nulls for features without a question or an answer', () => {
    const questions: Question[] = generateQuestions([], 'mentor');
    const features = extractFeatures(questions, { languages: ['de'], availability: { timeZone: 'Asia/Kolkata', slots: ['mon-00'] }, employer: '' }, SUMMER);
    expect(features).toEqual({
      skillsOffered: [],
      skillsWanted: [],
      interests: [],
      industries: [],
      languages: ['de'],
      availability: { timeZone: 'Asia/Kolkata', utcOffsetMinutes: 330, weeklySlotsUtc: [162] },
      experienceYears: null,
      employerKey: null,
      targetRoles: [],
      targetIndustries: [],
      networkSize: null,
      contactKinds: [],
    });
  });

  it('reads the answer of the question bound to a feature, whatever its id', () => {
    const renamed = mentee.map((q) => (q.feature === 'languages' ? { ...q, id: 'spoken_languages' } : q));
    expect(extractFeatures(renamed, { spoken_languages: ['fr'], languages: ['en'] }, WINTER).languages).toEqual(['fr']);
  });
});
