import { alreadyRegisteredMail, invitationMail, passwordResetMail, verifyEmailMail } from './account-mails';

describe('account mails', () => {
  const context = { appUrl: 'https://mentoring.example.org/', networkName: 'Alumni <Sorbonne>', networkSlug: 'alumni-sorbonne' };
  const token = 'T'.repeat(43);

  it('link to the web app with the token in the fragment, never in the query', () => {
    for (const mail of [verifyEmailMail(context, token, 48), passwordResetMail(context, token, 1), invitationMail(context, token, 168, 'organizer')]) {
      const link = mail.text.match(/https:\/\/\S+/)?.[0] ?? '';
      const url = new URL(link);
      expect(url.origin).toBe('https://mentoring.example.org');
      expect(url.searchParams.get('token')).toBeNull();
      expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token);
      expect(url.searchParams.get('network')).toBe('alumni-sorbonne');
    }
  });

  it('say how long the link works', () => {
    expect(verifyEmailMail(context, token, 48).text).toContain('within 2 days');
    expect(passwordResetMail(context, token, 1).text).toContain('within 1 hour');
    expect(invitationMail(context, token, 168, null).text).toContain('within 7 days');
  });

  it('ask for the password chosen at registration, and say that only the latest link works', () => {
    const mail = verifyEmailMail(context, token, 48);
    expect(mail.text).toContain('enter the password you chose when registering');
    expect(mail.text).toContain('only the link of the latest mail works');
  });

  it('escape the network name in HTML', () => {
    const mail = invitationMail(context, token, 168, 'organizer');
    expect(mail.html).toContain('Alumni &#60;Sorbonne&#62;');
    expect(mail.html).not.toContain('<Sorbonne>');
    expect(mail.text).toContain('as organizer');
  });

  it('tell an existing account holder, without a token', () => {
    const mail = alreadyRegisteredMail(context);
    expect(mail.template).toBe('already_registered');
    expect(mail.subject).toBe('You already have an account on Alumni <Sorbonne>');
    expect(mail.text).not.toContain('token=');
    expect(mail.text).toContain('https://mentoring.example.org/reset-password?network=alumni-sorbonne');
  });
});
