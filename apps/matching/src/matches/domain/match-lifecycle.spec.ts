import { accept, assertAllowed, endsEarly, MatchTransitionError } from './match-lifecycle';

describe('match lifecycle', () => {
  const proposed = { status: 'proposed' as const, menteeAcceptedAt: null, mentorAcceptedAt: null };
  const at = new Date('2031-02-05T10:00:00Z');

  it('becomes active only when both sides accepted, in either order', () => {
    const menteeFirst = accept(proposed, 'mentee', at);
    expect(menteeFirst).toEqual({ status: 'proposed', menteeAcceptedAt: at, mentorAcceptedAt: null });
    expect(accept(menteeFirst, 'mentor', at)).toEqual({ status: 'active', menteeAcceptedAt: at, mentorAcceptedAt: at });
    expect(accept(accept(proposed, 'mentor', at), 'mentee', at).status).toBe('active');
  });

  it('refuses a second acceptance by the same side, saying who is awaited', () => {
    expect(() => accept(accept(proposed, 'mentee', at), 'mentee', at)).toThrow('You already accepted this match; it waits for the mentor.');
  });

  it('allows each action only from its states', () => {
    expect(() => assertAllowed('decline', 'active')).toThrow(new MatchTransitionError('decline', 'active'));
    expect(() => assertAllowed('end', 'proposed')).toThrow('Cannot end a match that is proposed.');
    expect(() => assertAllowed('accept', 'declined')).toThrow('Cannot accept a match that is declined.');
    expect(() => assertAllowed('cancel', 'ended')).toThrow('Cannot cancel a match that is ended.');
    expect(() => assertAllowed('cancel', 'active')).not.toThrow();
    expect(() => assertAllowed('end', 'active')).not.toThrow();
  });

  it('calls an ending early when it happens before the programme ends', () => {
    expect(endsEarly('2031-07-31', at)).toBe(true);
    expect(endsEarly('2031-02-05', at)).toBe(false);
  });
});
