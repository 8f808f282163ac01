import type { PipeTransform } from '@nestjs/common';
import { invalidField } from '@passerelle/platform/http';
import { PROGRAM_ROLES, type ProgramRole } from '../../programs/domain/program';

/** A `mentor` / `mentee` path segment, or a 400 naming the parameter. */
export function roleParam(): PipeTransform<string, ProgramRole> {
  return {
    transform(value: string): ProgramRole {
      if (!(PROGRAM_ROLES as readonly string[]).includes(value)) throw invalidField('role', `must be one of ${PROGRAM_ROLES.join(', ')}`);
      return value as ProgramRole;
    },
  };
}
