import type { Gathering, Post, Resource, Thread } from './cohort-api';

/** Answers shaped as the communication and intake services give them, for the component tests. */
export const programmeId = '0190c5d2-7a1b-7c3d-8e4f-5a6b7c8d9e01';
export const threadId = '0190c5d2-7a1b-7c3d-8e4f-5a6b7c8d9e02';
export const gatheringId = '0190c5d2-7a1b-7c3d-8e4f-5a6b7c8d9e03';
export const trainingId = '0190c5d2-7a1b-7c3d-8e4f-5a6b7c8d9e04';

export const programme = {
  id: programmeId,
  networkId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516',
  name: 'Carrières de la donnée',
  description: '',
  charter: '',
  objectives: ['job_search'],
  startsOn: '2027-01-10',
  endsOn: '2027-07-10',
  cadenceDays: 14,
  matchingModes: ['organizer_rounds'],
  defaultMentorCapacity: 2,
  intakeOpensOn: '2026-12-01',
  intakeClosesOn: '2027-01-05',
  status: 'published',
  version: 2,
  publishedAt: '2026-12-01T09:00:00.000Z',
  closedAt: null,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
};

export const thread: Thread = {
  id: threadId,
  programId: programmeId,
  authorId: '7b0c9a52-3f1e-4b8e-9a51-2c6f0d4e8a11',
  authorName: 'Camille Durand',
  title: 'Préparer un premier entretien',
  body: 'Qu’est-ce qui vous a le plus aidé ?',
  erased: false,
  locked: false,
  hidden: false,
  createdAt: '2026-12-02T10:00:00.000Z',
  lastPostAt: '2026-12-03T10:00:00.000Z',
  lockedAt: null,
  hiddenAt: null,
};

export const post = (id: string, fields: Partial<Post>): Post => ({
  id,
  threadId,
  programId: programmeId,
  authorId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  authorName: 'Inès Martin',
  body: 'Répéter à voix haute.',
  erased: false,
  hidden: false,
  createdAt: '2026-12-03T10:00:00.000Z',
  hiddenAt: null,
  ...fields,
});

export const gathering = (fields: Partial<Gathering>): Gathering => ({
  id: gatheringId,
  programId: programmeId,
  kind: 'networking_event',
  title: 'Rencontre des anciens de la donnée',
  description: 'Un apéritif pour se rencontrer.',
  startsAt: '2099-05-12T16:00:00.000Z',
  durationMinutes: 90,
  endsAt: '2099-05-12T17:30:00.000Z',
  capacity: 10,
  onlineUrl: null,
  place: 'Maison des Alumni, Lyon',
  status: 'scheduled',
  confirmedCount: 9,
  waitlistCount: 0,
  seatsLeft: 1,
  myRegistration: null,
  cancelledAt: null,
  cancelReason: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  ...fields,
});

export const registration = (fields: Partial<NonNullable<Gathering['myRegistration']>>) => ({
  id: '0190c5d2-7a1b-7c3d-8e4f-5a6b7c8d9e09',
  gatheringId,
  userId: '7b0c9a52-3f1e-4b8e-9a51-2c6f0d4e8a11',
  status: 'confirmed' as const,
  waitlistPosition: null,
  registeredAt: '2026-12-04T10:00:00.000Z',
  confirmedAt: '2026-12-04T10:00:00.000Z',
  cancelledAt: null,
  cancelReason: null,
  attended: false,
  attendanceRecordedAt: null,
  ...fields,
});

export const resource = (id: string, fields: Partial<Resource>): Resource => ({
  id,
  programId: programmeId,
  kind: 'training_module',
  audience: 'mentee',
  title: 'Mentorat : la première séance',
  description: 'Ce qu’on attend de la première rencontre.',
  url: null,
  body: 'Préparez trois questions.',
  status: 'published',
  completable: true,
  myCompletion: null,
  completionCount: null,
  publishedAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  archivedAt: null,
  ...fields,
});
