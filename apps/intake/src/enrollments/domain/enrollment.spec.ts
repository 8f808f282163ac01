import { checkDeclarations, intakeClosedReason, intakeState, mentorCapacity, templateEditable } from './enrollment';

describe('enrolment rules', () => {
  const window = { status: 'published' as const, intakeOpensOn: '2031-01-05', intakeClosesOn: '2031-01-31' };

  it('takes enrolments from the opening day to the closing day included, once published', () => {
    expect(intakeState(window, '2031-01-04')).toBe('not_yet_open');
    expect(intakeState(window, '2031-01-05')).toBe('open');
    expect(intakeState(window, '2031-01-31')).toBe('open');
    expect(intakeState(window, '2031-02-01')).toBe('ended');
    expect(intakeState({ ...window, status: 'draft' }, '2031-01-10')).toBe('draft');
    expect(intakeState({ ...window, status: 'closed' }, '2031-01-10')).toBe('program_closed');
  });

  it('says why intake is not open, with the dates', () => {
    expect(intakeClosedReason(window, '2031-01-10')).toBeNull();
    expect(intakeClosedReason(window, '2031-01-01')).toBe('Intake for this programme opens on 2031-01-05.');
    expect(intakeClosedReason(window, '2031-03-01')).toBe('Intake for this programme closed on 2031-01-31.');
    expect(intakeClosedReason({ ...window, status: 'closed' }, '2031-01-10')).toBe('The programme is closed.');
  });

  it('lets organisers edit the survey only until intake opens', () => {
    expect(templateEditable({ ...window, status: 'draft' }, '2031-01-20')).toBe(true);
    expect(templateEditable(window, '2031-01-04')).toBe(true);
    expect(templateEditable(window, '2031-01-05')).toBe(false);
    expect(templateEditable({ ...window, status: 'closed' }, '2031-01-01')).toBe(false);
  });

  it('checks capacity and exclusions', () => {
    const me = '0b7f7d3e-2c4a-4f5e-8d6c-1a2b3c4d5e01';
    expect(checkDeclarations({ role: 'mentor', capacity: 3, excludedUserIds: [] }, me)).toEqual([]);
    expect(checkDeclarations({ role: 'mentor', capacity: 6, excludedUserIds: [me] }, me)).toEqual([
      { path: 'capacity', issue: 'must be a whole number from 1 to 5' },
      { path: 'excludedUserIds', issue: 'must not include yourself' },
    ]);
    expect(checkDeclarations({ role: 'mentee', capacity: 2, excludedUserIds: [] }, me)).toEqual([
      { path: 'capacity', issue: 'is stated by mentors only' },
    ]);
    expect(mentorCapacity('mentor', undefined, 2)).toBe(2);
    expect(mentorCapacity('mentor', 4, 2)).toBe(4);
    expect(mentorCapacity('mentee', undefined, 2)).toBeNull();
  });
});
