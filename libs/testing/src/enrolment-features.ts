/**
 * The least matching features intake's enrolment events accept, for tests
 * and benchmarks of services that read enrolments but not their features
 * (evaluation).
 */
export const MINIMAL_ENROLMENT_FEATURES = {
  skillsOffered: [],
  skillsWanted: [],
  interests: [],
  industries: [],
  languages: ['fr'],
  availability: { timeZone: 'Europe/Paris', utcOffsetMinutes: 60, weeklySlotsUtc: [17] },
  experienceYears: null,
  employerKey: null,
  targetRoles: [],
  targetIndustries: [],
  networkSize: null,
  contactKinds: [],
};
