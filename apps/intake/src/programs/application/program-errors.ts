import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import type { Problem } from '../domain/program';
import { ProgramTransitionError } from '../domain/program';

export function programNotFound(): NotFoundException {
  return new NotFoundException({ message: 'No such programme.', details: [{ path: 'id', issue: 'does not name a programme of your network' }] });
}

export function invalidProgram(problems: readonly Problem[]): BadRequestException {
  return new BadRequestException({ message: 'The request is invalid.', details: problems });
}

export function illegalTransition(error: ProgramTransitionError): ConflictException {
  return new ConflictException({ message: error.message, details: [{ path: 'status', issue: `is ${error.status}` }] });
}

export function staleVersion(expected: number, actual: number): ConflictException {
  return new ConflictException({
    message: `The programme changed since you read it (you sent version ${expected}, it is now at version ${actual}); read it again.`,
    details: [{ path: 'version', issue: `must be ${actual}` }],
  });
}
