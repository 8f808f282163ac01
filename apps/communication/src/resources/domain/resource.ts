import type { ProgramRole } from '../../cohort/domain/program-role';

/**
 * Resources and training (issue 6, item 6): support material organizers
 * publish per programme and role; participants complete training modules,
 * which feeds evaluation's training-completion KPI.
 */
export const RESOURCE_KINDS = ['training_module', 'guide', 'webinar_recording', 'tool_howto'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_AUDIENCES = ['mentor', 'mentee', 'all'] as const;
export type ResourceAudience = (typeof RESOURCE_AUDIENCES)[number];

export const RESOURCE_STATUSES = ['published', 'archived'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export const RESOURCE_TITLE_MAX = 200;
export const RESOURCE_DESCRIPTION_MAX = 5_000;
export const RESOURCE_BODY_MAX = 50_000;
export const RESOURCE_URL_MAX = 2_000;

export interface Problem {
  readonly path: string;
  readonly issue: string;
}

/** The material is a link or a text, exactly one; a recorded webinar is always a link to the recording. */
export function contentProblems(content: { kind: ResourceKind; url: string | null; body: string | null }): Problem[] {
  if (content.url === null && content.body === null) return [{ path: 'url', issue: 'url or body is required' }];
  if (content.url !== null && content.body !== null) return [{ path: 'body', issue: 'must not be given with url (exactly one of them)' }];
  if (content.kind === 'webinar_recording' && content.url === null) return [{ path: 'url', issue: 'is required for a webinar_recording (the link to the recording)' }];
  return [];
}

export function appliesTo(audience: ResourceAudience, roles: readonly ProgramRole[]): boolean {
  return audience === 'all' || roles.includes(audience);
}

/** Only training modules are completed (the others are read, not tracked). */
export function isCompletable(kind: ResourceKind): boolean {
  return kind === 'training_module';
}

/**
 * The programme role a completion counts for. A module for one role counts
 * for that role; one for everyone counts for the participant's role, and for
 * someone who is both mentor and mentee in the programme, as mentor — the
 * KPI that reads it is "mentors trained before their first session".
 */
export function completionRole(audience: ResourceAudience, roles: readonly ProgramRole[]): ProgramRole | null {
  if (!appliesTo(audience, roles)) return null;
  if (audience !== 'all') return audience;
  return roles.includes('mentor') ? 'mentor' : 'mentee';
}
