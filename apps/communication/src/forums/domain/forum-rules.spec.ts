import { applyModeration, isVisibleTo, type ModerationState } from './forum-rules';

const member = { kind: 'member', roles: ['mentee'] } as const;
const organizer = { kind: 'organizer', roles: [] } as const;
const now = new Date('2026-03-01T10:00:00Z');

describe('isVisibleTo', () => {
  it('shows hidden content to organizers only', () => {
    const hidden = { hiddenAt: now };
    expect(isVisibleTo(organizer, hidden)).toBe(true);
    expect(isVisibleTo(member, hidden)).toBe(false);
    expect(isVisibleTo({ kind: 'integrator' }, hidden)).toBe(false);
    expect(isVisibleTo(member, { hiddenAt: null })).toBe(true);
  });
});

describe('applyModeration', () => {
  const fresh = (): ModerationState => ({ hiddenAt: null, hiddenBy: null, lockedAt: null, lockedBy: null });

  it('hides and locks, recording who and when', () => {
    const state = fresh();
    expect(applyModeration(state, { hidden: true, locked: true }, 'org-1', now)).toBe(true);
    expect(state).toEqual({ hiddenAt: now, hiddenBy: 'org-1', lockedAt: now, lockedBy: 'org-1' });
  });

  it('keeps the first decision when asked again, and reports no change', () => {
    const state = fresh();
    applyModeration(state, { locked: true }, 'org-1', now);
    const later = new Date(now.getTime() + 60_000);
    expect(applyModeration(state, { locked: true }, 'org-2', later)).toBe(false);
    expect(state).toMatchObject({ lockedAt: now, lockedBy: 'org-1', hiddenAt: null });
  });

  it('restores hidden content and unlocks', () => {
    const state: ModerationState = { hiddenAt: now, hiddenBy: 'org-1', lockedAt: now, lockedBy: 'org-1' };
    expect(applyModeration(state, { hidden: false, locked: false }, 'org-2', now)).toBe(true);
    expect(state).toEqual({ hiddenAt: null, hiddenBy: null, lockedAt: null, lockedBy: null });
  });

  it('ignores locking on something that cannot be locked (a post)', () => {
    const post: ModerationState = { hiddenAt: null, hiddenBy: null };
    expect(applyModeration(post, { locked: true }, 'org-1', now)).toBe(false);
    expect(post).toEqual({ hiddenAt: null, hiddenBy: null });
  });
});
