import { appliesTo, completionRole, contentProblems, isCompletable } from './resource';

describe('contentProblems', () => {
  it('takes a link or a text, exactly one', () => {
    expect(contentProblems({ kind: 'guide', url: 'https://example.org/guide.pdf', body: null })).toEqual([]);
    expect(contentProblems({ kind: 'tool_howto', url: null, body: 'Open the conversation, then …' })).toEqual([]);
    expect(contentProblems({ kind: 'guide', url: null, body: null })).toEqual([{ path: 'url', issue: 'url or body is required' }]);
    expect(contentProblems({ kind: 'guide', url: 'https://example.org', body: 'text' })).toEqual([
      { path: 'body', issue: 'must not be given with url (exactly one of them)' },
    ]);
  });

  it('wants the link for a recorded webinar', () => {
    expect(contentProblems({ kind: 'webinar_recording', url: null, body: 'We talked about…' })).toEqual([
      { path: 'url', issue: 'is required for a webinar_recording (the link to the recording)' },
    ]);
    expect(contentProblems({ kind: 'webinar_recording', url: 'https://video.example.org/42', body: null })).toEqual([]);
  });
});

describe('audiences and completion', () => {
  it('shows material for a role to that role, and material for all to everyone', () => {
    expect(appliesTo('mentor', ['mentor'])).toBe(true);
    expect(appliesTo('mentor', ['mentee'])).toBe(false);
    expect(appliesTo('all', ['mentee'])).toBe(true);
    expect(appliesTo('mentee', ['mentor', 'mentee'])).toBe(true);
  });

  it('completes training modules only', () => {
    expect(isCompletable('training_module')).toBe(true);
    expect(isCompletable('guide')).toBe(false);
    expect(isCompletable('webinar_recording')).toBe(false);
    expect(isCompletable('tool_howto')).toBe(false);
  });

  it('counts a completion for the role the module is for, preferring mentor for someone with both roles', () => {
    expect(completionRole('mentor', ['mentor'])).toBe('mentor');
    expect(completionRole('mentee', ['mentor', 'mentee'])).toBe('mentee');
    expect(completionRole('all', ['mentee'])).toBe('mentee');
    expect(completionRole('all', ['mentee', 'mentor'])).toBe('mentor');
    expect(completionRole('mentor', ['mentee'])).toBeNull();
  });
});
