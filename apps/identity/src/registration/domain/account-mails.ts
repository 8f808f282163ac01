/**
 * The mails identity sends about accounts: pure functions from what the mail
 * says to its subject and bodies. Links point to the web app (`PUBLIC_APP_URL`)
 * with the token in the fragment, so it never reaches a server log or a
 * Referer header; the web app posts it to the API.
 */
export interface AccountMail {
  readonly template: 'verify_email' | 'already_registered' | 'password_reset' | 'invitation';
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface MailContext {
  readonly appUrl: string;
  readonly networkName: string;
  readonly networkSlug: string;
}

export function verifyEmailMail(context: MailContext, token: string, validHours: number): AccountMail {
  const link = linkTo(context, 'verify-email', token);
  return compose('verify_email', `Confirm your e-mail address for ${context.networkName}`, [
    `Welcome to ${context.networkName} on Passerelle.`,
    `To activate your account, open this link within ${hours(validHours)} and enter the password you chose when registering:`,
    link,
    'If you registered more than once, only the link of the latest mail works.',
    'If you did not create this account, ignore this mail: nothing happens without the confirmation.',
  ], link);
}

export function alreadyRegisteredMail(context: MailContext): AccountMail {
  const link = `${base(context)}/reset-password?network=${encodeURIComponent(context.networkSlug)}`;
  return compose('already_registered', `You already have an account on ${context.networkName}`, [
    `Someone, probably you, tried to register on ${context.networkName} with this e-mail address, which already has an account.`,
    'No second account was created. If you forgot your password, you can choose a new one here:',
    link,
    'If it was not you, you can ignore this mail.',
  ], link);
}

export function passwordResetMail(context: MailContext, token: string, validHours: number): AccountMail {
  const link = linkTo(context, 'reset-password', token);
  return compose('password_reset', `Reset your password for ${context.networkName}`, [
    `A new password was requested for your account on ${context.networkName}.`,
    `To choose it, open this link within ${hours(validHours)}; it works once:`,
    link,
    'If you did not ask for this, ignore this mail: your password stays as it is.',
  ], link);
}

export function invitationMail(context: MailContext, token: string, validHours: number, role: string | null): AccountMail {
  const link = linkTo(context, 'accept-invitation', token);
  const as = role ? ` as ${role}` : '';
  return compose('invitation', `You are invited to join ${context.networkName}`, [
    `You are invited to join ${context.networkName}${as} on Passerelle, the mentoring platform of your alumni network.`,
    `To create your account, open this link within ${hours(validHours)}:`,
    link,
    'If you do not know this network, ignore this mail.',
  ], link);
}

function base(context: MailContext): string {
  return context.appUrl.replace(/\/+$/, '');
}

function linkTo(context: MailContext, page: string, token: string): string {
  return `${base(context)}/${page}?network=${encodeURIComponent(context.networkSlug)}#token=${token}`;
}

function hours(count: number): string {
  return count % 24 === 0 && count >= 48 ? `${count / 24} days` : count === 1 ? '1 hour' : `${count} hours`;
}

function compose(template: AccountMail['template'], subject: string, paragraphs: string[], link: string): AccountMail {
  const html = paragraphs
    .map((paragraph) =>
      paragraph === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(paragraph)}</p>`,
    )
    .join('\n');
  return { template, subject, text: `${paragraphs.join('\n\n')}\n`, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
