import { BadRequestException } from '@nestjs/common';
import { passwordIssues, type PasswordContext } from '../domain/password-policy';

/** A 400 naming `field` for each rule the password breaks (nothing is written before it passes). */
export function assertPasswordAcceptable(field: string, password: string, context: PasswordContext): void {
  const issues = passwordIssues(password, context);
  if (issues.length > 0) {
    throw new BadRequestException({
      message: 'The request is invalid.',
      details: issues.map((issue) => ({ path: field, issue })),
    });
  }
}
