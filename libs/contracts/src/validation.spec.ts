import { enrollmentSubmitted, feedbackSubmitted, matchProposed, userRegistered } from './events';
import { validateEventData } from './validation';

const issuesOf = (result: ReturnType<typeof validateEventData>) => (result.valid ? [] : result.errors);

describe('validateEventData', () => {
  it('accepts valid data', () => {
    expect(validateEventData(userRegistered, userRegistered.example)).toEqual({ valid: true });
  });

  it('names every bad field at once, with a readable issue', () => {
    const { userId: _dropped, ...withoutUserId } = userRegistered.example;
    const result = validateEventData(userRegistered, {
      ...withoutUserId,
      networkId: 'not-a-uuid',
      email: 'nobody',
      roles: ['superuser'],
      registeredAt: '2025-01-10 08:30',
      nickname: 'cam',
    });
    expect(issuesOf(result)).toEqual(
      expect.arrayContaining([
        { path: '/userId', issue: 'is required' },
        { path: '/networkId', issue: 'must match format "uuid"' },
        { path: '/email', issue: 'must match format "email"' },
        { path: '/roles/0', issue: 'must be one of: platform_admin, organizer, mentor, mentee, integrator' },
        { path: '/registeredAt', issue: 'must match format "date-time"' },
        { path: '/nickname', issue: 'is not allowed' },
      ]),
    );
    expect(issuesOf(result)).toHaveLength(6);
  });

  it('rejects upper-case or urn-prefixed UUIDs: they would be different record keys', () => {
    const upper = userRegistered.example.userId.toUpperCase();
    expect(issuesOf(validateEventData(userRegistered, { ...userRegistered.example, userId: upper }))).toEqual([
      { path: '/userId', issue: 'must match format "uuid"' },
    ]);
    const urn = `urn:uuid:${userRegistered.example.userId}`;
    expect(issuesOf(validateEventData(userRegistered, { ...userRegistered.example, userId: urn }))).toHaveLength(1);
  });

  it('rejects a date-time without a time zone (RFC 3339 requires one)', () => {
    const data = { ...userRegistered.example, registeredAt: '2025-01-10T08:30:00' };
    expect(issuesOf(validateEventData(userRegistered, data))).toEqual([
      { path: '/registeredAt', issue: 'must match format "date-time"' },
    ]);
  });

  it('reports nested paths and bounds', () => {
    const example = matchProposed.example;
    const breakdown = [{ ...example.score.breakdown[0], maxPoints: -1 }];
    const result = validateEventData(matchProposed, { ...example, score: { ...example.score, breakdown } });
    expect(issuesOf(result)).toEqual([{ path: '/score/breakdown/0/maxPoints', issue: 'must be >= 0' }]);
  });

  it('applies the conditional rules and reports the missing field, not the "if"', () => {
    const mentorWithoutCapacity = { ...enrollmentSubmitted.example, role: 'mentor' as const };
    expect(mentorWithoutCapacity).not.toHaveProperty('capacity');
    expect(issuesOf(validateEventData(enrollmentSubmitted, mentorWithoutCapacity))).toEqual([
      { path: '/capacity', issue: 'is required' },
    ]);
    expect(validateEventData(enrollmentSubmitted, { ...mentorWithoutCapacity, role: 'mentee' })).toEqual({ valid: true });

    const { outcomes: _outcomes, ...exitWithoutOutcomes } = feedbackSubmitted.example;
    expect(issuesOf(validateEventData(feedbackSubmitted, exitWithoutOutcomes))).toEqual([
      { path: '/outcomes', issue: 'is required' },
    ]);
    const sessionFeedback = { ...exitWithoutOutcomes, form: 'session' as const };
    expect(issuesOf(validateEventData(feedbackSubmitted, sessionFeedback))).toEqual([{ path: '/sessionId', issue: 'is required' }]);
  });

  it('reports a non-object at the root', () => {
    expect(issuesOf(validateEventData(userRegistered, 'hello'))).toEqual([{ path: '/', issue: 'must be object' }]);
  });
});
