import { nextPathOf } from './session';

describe('where the login page sends a person back to', () => {
  it('is a path of this application, the home otherwise', () => {
    expect(nextPathOf('?next=%2Fmatches%3Ftab%3Dopen')).toBe('/matches?tab=open');
    expect(nextPathOf('')).toBe('/');
    expect(nextPathOf('?next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(nextPathOf('?next=%2F%2Fevil.example')).toBe('/');
  });
});
