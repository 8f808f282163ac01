import { closeReason, type ProgramFields, ProgramTransitionError, transition, validateProgram } from './program';

const valid: ProgramFields = {
  name: 'Premiers pas 2026',
  description: 'Alumni mentor students.',
  charter: 'Be kind.',
  objectives: ['job_search', 'networking'],
  startsOn: '2026-02-01',
  endsOn: '2026-07-31',
  cadenceDays: 14,
  matchingModes: ['organizer_rounds'],
  defaultMentorCapacity: 2,
  intakeOpensOn: '2026-01-05',
  intakeClosesOn: '2026-01-31',
};

describe('programme rules', () => {
  it('accepts a coherent programme', () => {
    expect(validateProgram(valid)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = validateProgram({
      ...valid,
      name: '  ',
      objectives: [],
      matchingModes: ['organizer_rounds', 'organizer_rounds'],
      cadenceDays: 0,
      defaultMentorCapacity: 6,
      startsOn: '2026-02-30',
    });
    expect(problems.map((p) => p.path)).toEqual(['name', 'objectives', 'matchingModes', 'cadenceDays', 'defaultMentorCapacity', 'startsOn']);
  });

  it('requires start before end and an intake window that closes by the end', () => {
    expect(validateProgram({ ...valid, endsOn: '2026-02-01' })).toContainEqual({ path: 'endsOn', issue: 'must be after startsOn' });
    expect(validateProgram({ ...valid, intakeOpensOn: '2026-02-10', intakeClosesOn: '2026-02-01' })).toContainEqual({
      path: 'intakeClosesOn',
      issue: 'must not be before intakeOpensOn',
    });
    expect(validateProgram({ ...valid, intakeClosesOn: '2026-08-01' })).toContainEqual({ path: 'intakeClosesOn', issue: 'must not be after endsOn' });
    expect(validateProgram({ ...valid, intakeOpensOn: '2024-01-01' }).map((p) => p.path)).toEqual(['intakeOpensOn']);
    expect(validateProgram({ ...valid, endsOn: '2030-01-01' }).map((p) => p.path)).toEqual(['endsOn']);
    expect(validateProgram({ ...valid, endsOn: '2026-02-05' }).map((p) => p.path)).toEqual(['cadenceDays']);
  });

  it('moves draft → published → closed and refuses anything else, naming the status', () => {
    expect(transition('draft', 'publish')).toBe('published');
    expect(transition('draft', 'update')).toBe('draft');
    expect(transition('published', 'update')).toBe('published');
    expect(transition('published', 'close')).toBe('closed');
    expect(() => transition('published', 'publish')).toThrow(ProgramTransitionError);
    expect(() => transition('published', 'publish')).toThrow(/published/);
    expect(() => transition('draft', 'close')).toThrow(/draft/);
    expect(() => transition('closed', 'update')).toThrow(/closed/);
    expect(() => transition('closed', 'publish')).toThrow(/closed/);
    expect(() => transition('closed', 'close')).toThrow(/already closed/);
  });

  it('tells an ended programme from a cancelled one', () => {
    expect(closeReason('2026-07-31', '2026-07-31')).toBe('ended');
    expect(closeReason('2026-07-31', '2026-03-01')).toBe('cancelled');
  });
});
