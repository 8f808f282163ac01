import { sessionFeedbackRefusal, surveyRefusal } from './feedback-window';

const session = { mentorId: 'mentor', menteeId: 'mentee', startsAt: '2026-03-01T10:00:00.000Z', completedAt: '2026-03-01T11:00:00.000Z' };
const programme = { startsOn: '2026-01-01', endsOn: '2026-04-30', closedAt: null, matchEnded: false, exitOpensDaysBeforeEnd: 14 };

describe('sessionFeedbackRefusal', () => {
  it('lets either side of the pair answer once the session is held', () => {
    expect(sessionFeedbackRefusal(session, 'mentor', '2026-03-02T00:00:00.000Z')).toBeNull();
    expect(sessionFeedbackRefusal(session, 'mentee', '2026-03-02T00:00:00.000Z')).toBeNull();
  });

  it('refuses anyone outside the pair with 403', () => {
    expect(sessionFeedbackRefusal(session, 'someone', '2026-03-02T00:00:00.000Z')).toMatchObject({ status: 403, path: 'sessionId' });
  });

  it('refuses before the session is recorded as held with 409', () => {
    expect(sessionFeedbackRefusal({ ...session, completedAt: null }, 'mentee', '2026-03-02T00:00:00.000Z')).toMatchObject({ status: 409, path: 'sessionId' });
  });
});

describe('surveyRefusal', () => {
  // 2026-01-01 … 2026-04-30 is 120 days: the midpoint is 2026-03-02.
  it('opens the pulse at the midpoint and closes it with the programme', () => {
    expect(surveyRefusal('pulse', programme, '2026-03-01T23:59:59.000Z')).toMatchObject({ status: 409, issue: expect.stringContaining('2026-03-02') });
    expect(surveyRefusal('pulse', programme, '2026-03-02T00:00:00.000Z')).toBeNull();
    expect(surveyRefusal('pulse', programme, '2026-04-30T23:00:00.000Z')).toBeNull();
    expect(surveyRefusal('pulse', programme, '2026-05-01T00:00:00.000Z')).toMatchObject({ status: 409 });
    expect(surveyRefusal('pulse', { ...programme, closedAt: '2026-03-10T00:00:00.000Z' }, '2026-03-12T00:00:00.000Z')).toMatchObject({ status: 409 });
  });

  it('opens the exit survey before the end, or once the match ended or the programme closed', () => {
    expect(surveyRefusal('exit', programme, '2026-04-15T23:59:59.000Z')).toMatchObject({ status: 409, issue: expect.stringContaining('2026-04-16') });
    expect(surveyRefusal('exit', programme, '2026-04-16T00:00:00.000Z')).toBeNull();
    expect(surveyRefusal('exit', { ...programme, matchEnded: true }, '2026-02-01T00:00:00.000Z')).toBeNull();
    expect(surveyRefusal('exit', { ...programme, closedAt: '2026-02-01T00:00:00.000Z' }, '2026-02-02T00:00:00.000Z')).toBeNull();
    expect(surveyRefusal('exit', programme, '2026-09-01T00:00:00.000Z')).toBeNull();
  });

  it('keeps both closed for a programme without dates', () => {
    expect(surveyRefusal('exit', { ...programme, startsOn: null, endsOn: null }, '2026-03-01T00:00:00.000Z')).toMatchObject({ status: 409, path: 'programId' });
  });
});
