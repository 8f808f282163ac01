/*
 * Every notification communication writes, in French and English (issue 6,
 * item 7). A template renders a subject and a body from plain data; the
 * greeting, the unsubscribe footer and the in-app copy are added around it
 * by `renderMail`/`renderInApp`, so the texts here say only what changed.
 */

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Mail someone may turn off. Session invitations and account mail are essential and always sent. */
export const OPTIONAL_CATEGORIES = ['reminders', 'match_updates', 'organizer_alerts'] as const;
export type OptionalCategory = (typeof OPTIONAL_CATEGORIES)[number];
export type MailCategory = OptionalCategory | 'essential';

/** The recipient's language: their own choice, else their account's locale when it is French, else English. */
export function languageOf(preferred: Language | null, locale: string | null): Language {
  if (preferred) return preferred;
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export interface SessionFacts {
  readonly startsAt: Date;
  readonly timeZone: string;
  readonly durationMinutes: number;
  readonly mode: 'video' | 'phone' | 'in_person';
  readonly meetingUrl: string | null;
  readonly location: string | null;
  readonly agenda: string | null;
  readonly cancelReason: string | null;
}

interface TemplateParams {
  session_confirmed: SessionFacts;
  session_rescheduled: SessionFacts;
  session_cancelled: SessionFacts;
  session_upcoming: SessionFacts;
  cadence_slipped: { readonly programName: string | null; readonly cadenceDays: number; readonly daysSince: number };
  alert_follow_up: { readonly programName: string | null };
  /** pairReminded: whether the pair was nudged too (not for reasons drawn from one participant's answers, docs/privacy.md). */
  organizer_alert: { readonly programName: string | null; readonly severity: 'warning' | 'critical'; readonly reasons: readonly string[]; readonly pairReminded: boolean };
  match_proposed: { readonly programName: string | null; readonly role: 'mentor' | 'mentee' };
  match_request_expiring: { readonly programName: string | null; readonly respondBy: Date };
}

export type TemplateName = keyof TemplateParams;
export type TemplateData<T extends TemplateName> = TemplateParams[T];

interface Rendered {
  readonly subject: string;
  readonly body: string;
}

interface Template<P> {
  readonly category: MailCategory;
  readonly text: Record<Language, (params: P) => Rendered>;
}

const LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A time as the reader reads it, e.g. "jeudi 15 janvier 2026 à 18:00 (Europe/Paris)". */
export function formatInstant(at: Date, timeZone: string, language: Language): string {
  const formatted = new Intl.DateTimeFormat(LOCALE[language], { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(at);
  return `${formatted} (${timeZone})`;
}

const MODE: Record<Language, Record<SessionFacts['mode'], string>> = {
  fr: { video: 'Visioconférence', phone: 'Téléphone', in_person: 'En personne' },
  en: { video: 'Video call', phone: 'Phone call', in_person: 'In person' },
};

/** "Label : value" in French typography, "Label: value" in English. */
function labelled(language: Language, french: string, english: string, value: string): string {
  return language === 'fr' ? `${french} : ${value}` : `${english}: ${value}`;
}

function sessionLines(session: SessionFacts, language: Language): string[] {
  const lines = [
    labelled(language, 'Quand', 'When', `${formatInstant(session.startsAt, session.timeZone, language)}, ${session.durationMinutes} minutes`),
    labelled(language, 'Comment', 'How', MODE[language][session.mode]),
  ];
  if (session.meetingUrl) lines.push(labelled(language, 'Lien', 'Join', session.meetingUrl));
  if (session.location) lines.push(labelled(language, 'Lieu', 'Where', session.location));
  if (session.agenda) lines.push(labelled(language, 'Ordre du jour', 'Agenda', session.agenda));
  return lines;
}

function sessionTemplate(
  category: MailCategory,
  fr: { subject: string; lead: string },
  en: { subject: string; lead: string },
  extra?: (session: SessionFacts, language: Language) => string[],
): Template<SessionFacts> {
  const render = (words: { subject: string; lead: string }, language: Language) => (session: SessionFacts) => ({
    subject: labelled(language, words.subject, words.subject, formatInstant(session.startsAt, session.timeZone, language)),
    body: [words.lead, ...sessionLines(session, language), ...(extra?.(session, language) ?? [])].join('\n'),
  });
  return { category, text: { fr: render(fr, 'fr'), en: render(en, 'en') } };
}

function programmeOf(name: string | null, language: Language): string {
  if (language === 'fr') return name ? `« ${name} »` : 'votre programme de mentorat';
  return name ? `"${name}"` : 'your mentoring programme';
}

const REASON_TEXT: Record<Language, Record<string, string>> = {
  fr: {
    cadence_slipped: 'les séances ne suivent plus le rythme du programme',
    no_first_session: 'pas encore de première séance',
    repeated_no_show: 'absences répétées',
    low_satisfaction: 'satisfaction basse',
    goal_stalled: 'objectifs sans progrès',
    no_messages: 'pas de messages récents',
    reschedule_declined: 'déplacements de séance refusés à répétition',
  },
  en: {
    cadence_slipped: 'sessions no longer keep the programme’s rhythm',
    no_first_session: 'no first session yet',
    repeated_no_show: 'repeated no-shows',
    low_satisfaction: 'low satisfaction',
    goal_stalled: 'goals not progressing',
    no_messages: 'no recent messages',
    reschedule_declined: 'moved sessions repeatedly declined',
  },
};

const TEMPLATES: { readonly [T in TemplateName]: Template<TemplateParams[T]> } = {
  session_confirmed: sessionTemplate(
    'essential',
    { subject: 'Séance de mentorat confirmée', lead: 'Votre séance de mentorat est confirmée.' },
    { subject: 'Mentoring session confirmed', lead: 'Your mentoring session is confirmed.' },
    (_, language) => [language === 'fr' ? "L'invitation jointe met votre agenda à jour." : 'The attached invitation updates your calendar.'],
  ),
  session_rescheduled: sessionTemplate(
    'essential',
    { subject: 'Séance de mentorat déplacée', lead: "Votre séance de mentorat a été déplacée ; l'autre participant doit encore confirmer le nouvel horaire." },
    { subject: 'Mentoring session moved', lead: 'Your mentoring session was moved; the other participant still has to confirm the new time.' },
    (_, language) => [language === 'fr' ? "L'invitation jointe met votre agenda à jour." : 'The attached invitation updates your calendar.'],
  ),
  session_cancelled: sessionTemplate(
    'essential',
    { subject: 'Séance de mentorat annulée', lead: 'Votre séance de mentorat a été annulée.' },
    { subject: 'Mentoring session cancelled', lead: 'Your mentoring session was cancelled.' },
    (session, language) => (session.cancelReason ? [labelled(language, 'Motif', 'Reason', session.cancelReason)] : []),
  ),
  session_upcoming: sessionTemplate(
    'reminders',
    { subject: 'Rappel : séance de mentorat', lead: 'Petit rappel : votre prochaine séance de mentorat approche.' },
    { subject: 'Reminder: mentoring session', lead: 'A reminder: your next mentoring session is coming up.' },
  ),
  cadence_slipped: {
    category: 'reminders',
    text: {
      fr: ({ programName, cadenceDays, daysSince }) => ({
        subject: 'Et si vous planifiiez votre prochaine séance ?',
        body:
          `Votre binôme de ${programmeOf(programName, 'fr')} prévoit une séance tous les ${cadenceDays} jours ; ` +
          `la dernière remonte à ${daysSince} jours. Proposez un créneau à l'autre participant depuis l'application.`,
      }),
      en: ({ programName, cadenceDays, daysSince }) => ({
        subject: 'Time to plan your next session?',
        body:
          `Your pair in ${programmeOf(programName, 'en')} meets every ${cadenceDays} days; the last session was ${daysSince} days ago. ` +
          'Propose a time to the other participant from the app.',
      }),
    },
  },
  alert_follow_up: {
    category: 'reminders',
    text: {
      fr: ({ programName }) => ({
        subject: 'Comment se passe votre mentorat ?',
        body: `Votre binôme de ${programmeOf(programName, 'fr')} semble marquer le pas. Planifiez une séance, ou écrivez aux organisateurs si quelque chose bloque.`,
      }),
      en: ({ programName }) => ({
        subject: 'How is your mentoring going?',
        body: `Your pair in ${programmeOf(programName, 'en')} seems to have slowed down. Plan a session, or write to the organizers if something is in the way.`,
      }),
    },
  },
  organizer_alert: {
    category: 'organizer_alerts',
    text: {
      fr: ({ programName, severity, reasons, pairReminded }) => ({
        subject: `Binôme en difficulté (${severity === 'critical' ? 'critique' : 'attention'}) : ${programmeOf(programName, 'fr')}`,
        body:
          `Un binôme est signalé : ${reasons.map((code) => REASON_TEXT.fr[code] ?? code).join(', ')}. ` +
          (pairReminded
            ? 'Les deux participants ont reçu un rappel'
            : "Les participants n'en ont pas été avertis : ce signal vient des réponses de l'un d'eux, à vous de juger s'il faut les contacter") +
          " ; le binôme est lié à cette notification dans l'application.",
      }),
      en: ({ programName, severity, reasons, pairReminded }) => ({
        subject: `Pair at risk (${severity}): ${programmeOf(programName, 'en')}`,
        body:
          `A pair is flagged: ${reasons.map((code) => REASON_TEXT.en[code] ?? code).join(', ')}. ` +
          (pairReminded ? 'Both participants were reminded' : "The participants were not told: this comes from what one of them answered, so whether to reach out is yours to decide") +
          '; the pair is linked from this notification in the app.',
      }),
    },
  },
  match_proposed: {
    category: 'match_updates',
    text: {
      fr: ({ programName, role }) => ({
        subject: `Un binôme vous est proposé : ${programmeOf(programName, 'fr')}`,
        body: `${role === 'mentor' ? 'Un·e mentoré·e' : 'Un·e mentor'} vous est proposé·e. Découvrez son profil, puis acceptez ou déclinez la proposition depuis l'application.`,
      }),
      en: ({ programName, role }) => ({
        subject: `A match is proposed to you: ${programmeOf(programName, 'en')}`,
        body: `A ${role === 'mentor' ? 'mentee' : 'mentor'} is proposed to you. See their profile, then accept or decline the proposal from the app.`,
      }),
    },
  },
  match_request_expiring: {
    category: 'match_updates',
    text: {
      fr: ({ programName, respondBy }) => ({
        subject: `Une demande de mentorat attend votre réponse : ${programmeOf(programName, 'fr')}`,
        body: `Un·e mentoré·e vous a demandé comme mentor. Sans réponse avant le ${formatInstant(respondBy, 'UTC', 'fr')}, la demande expirera.`,
      }),
      en: ({ programName, respondBy }) => ({
        subject: `A mentoring request awaits your answer: ${programmeOf(programName, 'en')}`,
        body: `A mentee asked you to be their mentor. Without an answer by ${formatInstant(respondBy, 'UTC', 'en')}, the request expires.`,
      }),
    },
  },
};

export function categoryOf(template: TemplateName): MailCategory {
  return TEMPLATES[template].category;
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
}

export function renderInApp<T extends TemplateName>(template: T, data: TemplateData<T>, language: Language): { title: string; body: string } {
  const { subject, body } = (TEMPLATES[template].text[language] as (params: TemplateData<T>) => Rendered)(data);
  return { title: subject, body };
}

/** The whole mail: greeting, the template's text, and for optional mail the unsubscribe link. */
export function renderMail<T extends TemplateName>(
  template: T,
  data: TemplateData<T>,
  language: Language,
  recipient: { displayName: string | null; unsubscribeUrl: string | null },
): RenderedMail {
  const { title, body } = renderInApp(template, data, language);
  const fr = language === 'fr';
  const greeting = recipient.displayName ? `${fr ? 'Bonjour' : 'Hello'} ${recipient.displayName},` : fr ? 'Bonjour,' : 'Hello,';
  const footer = recipient.unsubscribeUrl
    ? [
        '',
        '--',
        fr
          ? `Ne plus recevoir ce type de message (${CATEGORY_LABEL.fr[categoryOf(template)]}) : ${recipient.unsubscribeUrl}`
          : `Stop receiving this kind of mail (${CATEGORY_LABEL.en[categoryOf(template)]}): ${recipient.unsubscribeUrl}`,
      ]
    : [];
  return { subject: title, text: [greeting, '', body, ...footer, ''].join('\n') };
}

const CATEGORY_LABEL: Record<Language, Record<MailCategory, string>> = {
  fr: { essential: 'essentiel', reminders: 'rappels', match_updates: 'propositions de binôme', organizer_alerts: 'alertes organisateurs' },
  en: { essential: 'essential', reminders: 'reminders', match_updates: 'match updates', organizer_alerts: 'organizer alerts' },
};
