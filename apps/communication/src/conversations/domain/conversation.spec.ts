import { advanceReadPointer, initialStatus, otherRole, roleIn } from './conversation';
import { checkMessageText, MAX_MESSAGE_LENGTH } from './message-text';
import { nextMessageId, timestampOf, uuidV7Floor } from './message-id';

describe('message text', () => {
  it('keeps the trimmed text and counts its characters as code points', () => {
    expect(checkMessageText('  Bonjour Léa 👋 \n')).toEqual({ ok: true, text: 'Bonjour Léa 👋', length: 13 });
  });

  it('refuses empty and white-space-only text', () => {
    for (const raw of ['', '   ', '\n\t ']) expect(checkMessageText(raw)).toEqual({ ok: false, issue: expect.stringContaining('must not be empty') });
  });

  it('accepts exactly the limit, even with white space around it, and refuses one more', () => {
    const atLimit = 'é'.repeat(MAX_MESSAGE_LENGTH);
    expect(checkMessageText(`  ${atLimit}  `)).toEqual({ ok: true, text: atLimit, length: MAX_MESSAGE_LENGTH });
    expect(checkMessageText(`${atLimit}x`)).toEqual({ ok: false, issue: 'must be at most 4000 characters (has 4001)' });
  });

  it('counts an astral character once, not as two UTF-16 units', () => {
    const emojis = '😀'.repeat(MAX_MESSAGE_LENGTH);
    expect(emojis.length).toBe(2 * MAX_MESSAGE_LENGTH);
    expect(checkMessageText(emojis)).toMatchObject({ ok: true, length: MAX_MESSAGE_LENGTH });
  });

  it('refuses the NUL character PostgreSQL cannot store', () => {
    expect(checkMessageText('a\u0000b')).toEqual({ ok: false, issue: 'must not contain the NUL character' });
  });
});

describe('conversation', () => {
  const pair = { mentorId: 'mentor-1', menteeId: 'mentee-1' };

  it('names the side of each participant, and nobody else', () => {
    expect(roleIn(pair, 'mentor-1')).toBe('mentor');
    expect(roleIn(pair, 'mentee-1')).toBe('mentee');
    expect(roleIn(pair, 'organizer-1')).toBeNull();
    expect(roleIn({ mentorId: null, menteeId: 'mentee-1' }, 'mentor-1')).toBeNull();
    expect(otherRole('mentor')).toBe('mentee');
  });

  it('opens only for an active pair whose two people are still there', () => {
    expect(initialStatus(true, pair)).toBe('open');
    expect(initialStatus(false, pair)).toBe('closed');
    expect(initialStatus(true, { ...pair, mentorId: null })).toBe('closed');
  });

  it('moves read receipts forward only', () => {
    const older = '0190a000-0000-7000-8000-000000000001';
    const newer = '0190a000-0001-7000-8000-000000000001';
    expect(advanceReadPointer(null, older)).toBe(older);
    expect(advanceReadPointer(older, newer)).toBe(newer);
    expect(advanceReadPointer(newer, older)).toBe(newer);
  });
});

describe('message ids', () => {
  it('reads the millisecond of a UUIDv7 and builds the smallest id of a millisecond', () => {
    const ms = Date.UTC(2031, 1, 5, 10, 0, 0, 123);
    const floor = uuidV7Floor(ms);
    expect(floor).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7000-8000-000000000000$/);
    expect(timestampOf(floor)).toBe(ms);
    expect(floor < uuidV7Floor(ms + 1)).toBe(true);
  });

  it('keeps a fresh id when it sorts after the previous one', () => {
    const previous = uuidV7Floor(1_000);
    expect(nextMessageId(previous, () => uuidV7Floor(2_000))).toBe(uuidV7Floor(2_000));
    expect(nextMessageId(null, () => uuidV7Floor(5))).toBe(uuidV7Floor(5));
  });

  it('takes the millisecond after the previous id when this clock is behind', () => {
    const previous = '00000000-07d0-7abc-9def-0123456789ab';
    const asked: Array<number | undefined> = [];
    const id = nextMessageId(previous, (msecs) => {
      asked.push(msecs);
      return uuidV7Floor(msecs ?? 1_000);
    });
    expect(asked).toEqual([undefined, 2_001]);
    expect(id > previous).toBe(true);
  });
});
