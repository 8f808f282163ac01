import { problemsOf } from './form-problems';

const refusal = (statusCode: number, details: { path: string; issue: string }[] = []) => ({ statusCode, error: 'Bad Request', message: 'refused', details });

describe('a server refusal placed on a form', () => {
  it('puts each issue beside the field it names, the first per field, with the general message', () => {
    const error = refusal(400, [
      { path: 'title', issue: 'must be at most 200 characters' },
      { path: 'title', issue: 'must not be blank' },
      { path: 'goals.0.deadline', issue: 'must fall within the programme' },
    ]);
    expect(problemsOf(error, ['title', 'goals.0.deadline'])).toEqual({
      fields: { title: 'must be at most 200 characters', 'goals.0.deadline': 'must fall within the programme' },
      general: 'form.error.fields',
    });
  });

  it('still says something needs correcting when the field named is not on the form', () => {
    expect(problemsOf(refusal(400, [{ path: 'elsewhere', issue: 'is required' }]), ['title'])).toEqual({ fields: {}, general: 'form.error.fields' });
  });

  it('gives one general message per kind of refusal, and unreachable when no answer came', () => {
    expect([403, 404, 409, 429, 500].map((status) => problemsOf(refusal(status), []).general)).toEqual([
      'form.error.forbidden',
      'form.error.notFound',
      'form.error.conflict',
      'form.error.throttled',
      'form.error.unexpected',
    ]);
    expect(problemsOf(undefined, []).general).toBe('form.error.unreachable');
  });
});
