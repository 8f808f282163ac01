/**
 * The first version of a programme's intake survey, per role, built from the
 * programme's objectives (PRODUCT.md, lifecycle step 2: "an intake survey
 * built from the programme's objectives"). Organisers edit it before intake
 * opens; every generated template passes validateTemplate. Pure.
 */
import { PROGRAM_OBJECTIVES, type ProgramObjective, type ProgramRole } from '../../programs/domain/program';
import type { ChoiceOption, MultipleChoiceQuestion, Question } from './question';

/** The role families a job search aims at or a mentor advises on (fixed options, so matching compares ids). */
export const ROLE_FAMILIES: readonly ChoiceOption[] = [
  { id: 'data_analytics', label: 'Data and analytics' },
  { id: 'software_engineering', label: 'Software engineering' },
  { id: 'product_management', label: 'Product management' },
  { id: 'design', label: 'Design (UX, UI, graphic)' },
  { id: 'engineering', label: 'Engineering (other than software)' },
  { id: 'finance', label: 'Finance, accounting and audit' },
  { id: 'consulting', label: 'Consulting' },
  { id: 'marketing', label: 'Marketing and communication' },
  { id: 'sales', label: 'Sales and business development' },
  { id: 'operations', label: 'Operations and supply chain' },
  { id: 'human_resources', label: 'Human resources' },
  { id: 'legal', label: 'Law and compliance' },
  { id: 'research', label: 'Research and academia' },
  { id: 'teaching', label: 'Teaching and training' },
  { id: 'healthcare', label: 'Healthcare' },
  { id: 'public_sector', label: 'Public sector and policy' },
  { id: 'non_profit', label: 'Non-profit and social impact' },
  { id: 'entrepreneurship', label: 'Entrepreneurship (starting a company)' },
];

/** The kinds of contact a networking programme is about. */
export const CONTACT_KINDS: readonly ChoiceOption[] = [
  { id: 'alumni_same_field', label: 'Alumni of the same field of study' },
  { id: 'industry_professionals', label: 'Professionals of a given industry' },
  { id: 'recruiters', label: 'Recruiters and hiring managers' },
  { id: 'entrepreneurs', label: 'Founders and entrepreneurs' },
  { id: 'researchers', label: 'Researchers and academics' },
  { id: 'public_sector', label: 'People working in the public sector' },
];

const byRole = <T>(role: ProgramRole, mentor: T, mentee: T): T => (role === 'mentor' ? mentor : mentee);

function commonQuestions(role: ProgramRole): { first: Question[]; last: Question[] } {
  const first: Question[] = [
    {
      id: 'languages',
      type: 'multiple_choice',
      prompt: 'Which languages could you hold your mentoring conversations in?',
      help: 'Choose every language you are comfortable speaking in for an hour. You will only be matched with someone who shares at least one.',
      required: true,
      feature: 'languages',
      source: { taxonomy: 'languages' },
      minSelected: 1,
      maxSelected: 10,
      withLevels: false,
    },
    {
      id: 'availability',
      type: 'availability',
      prompt: 'When are you usually free for a mentoring session?',
      help: 'Pick the one-hour slots of a typical week that suit you, in your own time zone. The more you pick, the easier it is to find a match.',
      required: true,
      feature: 'availability',
      minSlots: 2,
    },
    {
      id: 'industries',
      type: 'multiple_choice',
      prompt: byRole(role, 'Which industry do you work in?', 'Which industry do your studies or your first job belong to?'),
      help: byRole(role, 'If you have changed industry recently, you may add the previous one.', 'Choose the closest; you can pick up to three.'),
      required: true,
      feature: 'industries',
      source: { taxonomy: 'industries' },
      minSelected: 1,
      maxSelected: 3,
      withLevels: false,
    },
    {
      id: 'experience_years',
      type: 'number',
      prompt: 'How many years of professional experience do you have?',
      help: byRole(
        role,
        'Count full-time work since you graduated, rounded to the nearest year.',
        'Count full-time work only, rounded to the nearest year; enter 0 if you are still a student.',
      ),
      required: true,
      feature: 'experience_years',
      min: 0,
      max: 60,
      integer: true,
      unit: 'years',
    },
    {
      id: 'employer',
      type: 'short_text',
      prompt: byRole(role, 'Who is your current employer?', 'Who is your current or most recent employer, if any?'),
      help: 'Used only to avoid matching you with someone from the same organisation; it is never shown to other participants.',
      required: false,
      feature: 'employer',
      maxLength: 200,
    },
  ];
  const last: Question[] = [
    {
      id: 'interests',
      type: 'multiple_choice',
      prompt: 'What are you interested in, beyond work?',
      help: 'Optional: shared interests make the first conversation easier.',
      required: false,
      feature: 'interests',
      source: { taxonomy: 'interests' },
      minSelected: 0,
      maxSelected: 10,
      withLevels: false,
    },
    {
      id: 'about',
      type: 'short_text',
      prompt: byRole(role, 'Anything you would like your future mentee to know about you?', 'Anything you would like your future mentor to know about you?'),
      help: 'Optional. Shown to the person you are matched with, not used for matching.',
      required: false,
      maxLength: 1000,
    },
  ];
  return { first, last };
}

function jobSearchQuestions(role: ProgramRole): Question[] {
  return [
    {
      id: 'target_roles',
      type: 'multiple_choice',
      prompt: byRole(role, 'Which kinds of role can you advise on?', 'Which kinds of role are you aiming for?'),
      help: byRole(role, 'Roles you have held or know well from the inside; up to five.', 'Up to three, most wanted first in your mind; matching treats them alike.'),
      required: true,
      feature: 'target_roles',
      source: { options: ROLE_FAMILIES },
      minSelected: 1,
      maxSelected: byRole(role, 5, 3),
      withLevels: false,
    },
    {
      id: 'target_industries',
      type: 'multiple_choice',
      prompt: byRole(role, 'In which industries could you help a mentee find a job?', 'In which industries are you looking for a job?'),
      help: byRole(role, 'Optional: industries you know well enough to open doors in, besides your own.', 'Up to three.'),
      required: role === 'mentee',
      feature: 'target_industries',
      source: { taxonomy: 'industries' },
      minSelected: byRole(role, 0, 1),
      maxSelected: byRole(role, 5, 3),
      withLevels: false,
    },
  ];
}

function networkingQuestions(role: ProgramRole): Question[] {
  return [
    {
      id: 'network_size',
      type: 'scale',
      prompt: byRole(role, 'How large is the professional network you could open to a mentee?', 'How large is your professional network today?'),
      help: 'People of your field you could contact and who would answer.',
      required: true,
      feature: 'network_size',
      minLabel: byRole(role, 'A handful of contacts', 'Hardly anyone yet'),
      maxLabel: byRole(role, 'A wide, active network', 'A wide network in my field'),
    },
    {
      id: 'contact_kinds',
      type: 'multiple_choice',
      prompt: byRole(role, 'Which kinds of contact could you introduce a mentee to?', 'Which kinds of contact would you like to meet?'),
      required: true,
      feature: 'contact_kinds',
      source: { options: CONTACT_KINDS },
      minSelected: 1,
      maxSelected: CONTACT_KINDS.length,
      withLevels: false,
    },
  ];
}

function skillsQuestions(role: ProgramRole): Question[] {
  const offered: MultipleChoiceQuestion = {
    id: 'skills_offered',
    type: 'multiple_choice',
    prompt: byRole(role, 'Which skills can you help a mentee develop?', 'Which skills could you share in return?'),
    help: byRole(
      role,
      'For each skill, give your own level from 1 (basic) to 5 (expert).',
      'Optional: mentoring goes both ways. For each skill, give your level from 1 (basic) to 5 (expert).',
    ),
    required: role === 'mentor',
    feature: 'skills_offered',
    source: { taxonomy: 'skills' },
    minSelected: byRole(role, 1, 0),
    maxSelected: 10,
    withLevels: true,
  };
  const wanted: MultipleChoiceQuestion = {
    id: 'skills_wanted',
    type: 'multiple_choice',
    prompt: 'Which skills would you like to develop during the programme?',
    help: 'Up to five. For each skill, give the level you are aiming for, from 1 (basic) to 5 (expert).',
    required: true,
    feature: 'skills_wanted',
    source: { taxonomy: 'skills' },
    minSelected: 1,
    maxSelected: 5,
    withLevels: true,
  };
  // A mentor is there to give: what they would like to learn is not asked (matching would not read it).
  return role === 'mentor' ? [offered] : [wanted, offered];
}

const BY_OBJECTIVE: Record<ProgramObjective, (role: ProgramRole) => Question[]> = {
  job_search: jobSearchQuestions,
  networking: networkingQuestions,
  skills: skillsQuestions,
};

/**
 * The generated questions for `role`: the hard constraints first (languages,
 * availability), then background, then one block per objective in the fixed
 * order of PROGRAM_OBJECTIVES (whatever the order or repetitions of
 * `objectives`), then the optional personal questions.
 */
export function generateQuestions(objectives: readonly ProgramObjective[], role: ProgramRole): Question[] {
  const { first, last } = commonQuestions(role);
  const perObjective = PROGRAM_OBJECTIVES.filter((objective) => objectives.includes(objective)).flatMap((objective) => BY_OBJECTIVE[objective](role));
  return [...first, ...perObjective, ...last];
}
