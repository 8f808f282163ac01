/**
 * What a message may say (issue 6, item 1): 1 to 4000 characters once the
 * surrounding white space is trimmed. Characters are Unicode code points, as
 * PostgreSQL's `char_length` counts them, so an emoji counts once and the
 * `length` in `message.sent` means the same thing to every reader.
 */
export const MAX_MESSAGE_LENGTH = 4000;

export type MessageTextCheck =
  | { readonly ok: true; readonly text: string; readonly length: number }
  | { readonly ok: false; readonly issue: string };

export function checkMessageText(raw: string): MessageTextCheck {
  const text = raw.trim();
  const length = [...text].length;
  if (length === 0) return { ok: false, issue: 'must not be empty (white space alone does not count)' };
  if (length > MAX_MESSAGE_LENGTH) return { ok: false, issue: `must be at most ${MAX_MESSAGE_LENGTH} characters (has ${length})` };
  // PostgreSQL text cannot hold U+0000; refusing it here keeps it a 400 instead of a failed insert.
  if (text.includes('\u0000')) return { ok: false, issue: 'must not contain the NUL character' };
  return { ok: true, text, length };
}
