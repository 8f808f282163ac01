import { BadRequestException, ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Problem, TaxonomyKind } from '../../surveys/domain/question';
import { MAX_TERMS_PER_KIND } from '../domain/taxonomy-term';

export function termNotFound(kind: TaxonomyKind): NotFoundException {
  return new NotFoundException({ message: 'No such term.', details: [{ path: 'termId', issue: `does not name a term of your network's ${kind}` }] });
}

export function invalidTerm(problems: readonly Problem[]): BadRequestException {
  return new BadRequestException({ message: 'The request is invalid.', details: problems });
}

export function notAnOrganizer(): ForbiddenException {
  return new ForbiddenException({ message: 'Only an organizer of the network changes its taxonomies.' });
}

export interface ExistingTerm {
  readonly id: string;
  readonly label: string;
  readonly retired: boolean;
}

const bringBack = (term: ExistingTerm) => (term.retired ? `; it is retired: PATCH it with {"retired": false} to use it again` : '');

/** The id is taken: say by which term, and how to get it back when it is retired. */
export function termIdTaken(kind: TaxonomyKind, existing: ExistingTerm): ConflictException {
  return new ConflictException({
    message: `The ${kind} taxonomy already has a term "${existing.id}" (${existing.label})${bringBack(existing)}.`,
    details: [{ path: 'id', issue: `is already the id of "${existing.label}"` }],
  });
}

/** Another term already reads this way (case aside): one thing, one id. */
export function termLabelTaken(kind: TaxonomyKind, existing: ExistingTerm): ConflictException {
  return new ConflictException({
    message: `The ${kind} taxonomy already has a term labelled "${existing.label}" (id "${existing.id}")${bringBack(existing)}.`,
    details: [{ path: 'label', issue: `is already the label of "${existing.id}"` }],
  });
}

export function taxonomyFull(kind: TaxonomyKind): ConflictException {
  return new ConflictException({
    message: `The ${kind} taxonomy already has ${MAX_TERMS_PER_KIND} terms, the most one survey question can offer; retire or relabel one instead.`,
    details: [{ path: 'kind', issue: `has reached ${MAX_TERMS_PER_KIND} terms` }],
  });
}
