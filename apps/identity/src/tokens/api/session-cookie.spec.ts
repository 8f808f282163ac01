import { cookieValue } from './session-cookie';

describe('cookieValue (the Cookie request header)', () => {
  const token = 'Ab_-0123456789abcdefghijklmnopqrstuvwxyzABCDE';

  it('finds the cookie among others, with or without spaces after the separators', () => {
    expect(cookieValue(`passerelle_session=${token}`, 'passerelle_session')).toBe(token);
    expect(cookieValue(`lang=fr; passerelle_session=${token}; theme=dark`, 'passerelle_session')).toBe(token);
    expect(cookieValue(`lang=fr;passerelle_session=${token};theme=dark`, 'passerelle_session')).toBe(token);
    expect(cookieValue(`  passerelle_session = ${token}  `, 'passerelle_session')).toBe(token);
  });

  it('takes a value with "=" in it whole, and drops the double quotes around one', () => {
    expect(cookieValue('passerelle_session=a=b=', 'passerelle_session')).toBe('a=b=');
    expect(cookieValue(`passerelle_session="${token}"`, 'passerelle_session')).toBe(token);
    expect(cookieValue('passerelle_session="', 'passerelle_session')).toBe('"');
  });

  it('matches the whole name only', () => {
    expect(cookieValue(`old_passerelle_session=${token}; passerelle_session_x=1`, 'passerelle_session')).toBeUndefined();
    expect(cookieValue(`Passerelle_Session=${token}`, 'passerelle_session')).toBeUndefined();
  });

  it('takes the first of a repeated name, as browsers send the longest path first', () => {
    expect(cookieValue('passerelle_session=first; passerelle_session=second', 'passerelle_session')).toBe('first');
  });

  it('answers undefined for no header, no such cookie, an empty value and pairs without "="', () => {
    expect(cookieValue(undefined, 'passerelle_session')).toBeUndefined();
    expect(cookieValue('', 'passerelle_session')).toBeUndefined();
    expect(cookieValue('lang=fr', 'passerelle_session')).toBeUndefined();
    expect(cookieValue('passerelle_session=', 'passerelle_session')).toBeUndefined();
    expect(cookieValue('passerelle_session=""', 'passerelle_session')).toBeUndefined();
    expect(cookieValue('passerelle_session; lang=fr', 'passerelle_session')).toBeUndefined();
  });
});
