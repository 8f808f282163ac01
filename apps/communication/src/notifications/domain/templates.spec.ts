import { categoryOf, languageOf, renderInApp, renderMail, type SessionFacts } from './templates';

const session: SessionFacts = {
  startsAt: new Date('2027-01-15T17:00:00Z'),
  timeZone: 'Europe/Paris',
  durationMinutes: 45,
  mode: 'video',
  meetingUrl: 'https://meet.example.org/passerelle-0123',
  location: null,
  agenda: 'CV review',
  cancelReason: 'Ill',
};

describe('notification templates', () => {
  it('writes in the chosen language, else French for a French locale, else English', () => {
    expect(languageOf('en', 'fr-CA')).toBe('en');
    expect(languageOf(null, 'fr-CA')).toBe('fr');
    expect(languageOf(null, 'FR')).toBe('fr');
    expect(languageOf(null, 'de-DE')).toBe('en');
    expect(languageOf(null, null)).toBe('en');
  });

  it('shows a session at its own time zone, in the reader’s language', () => {
    const en = renderInApp('session_confirmed', session, 'en');
    // The exact punctuation of dates follows the runtime's ICU data; the day, hour and zone do not.
    expect(en.title).toMatch(/^Mentoring session confirmed: Friday,? 15 January 2027 at 18:00 \(Europe\/Paris\)$/);
    expect(en.body.split('\n')).toEqual([
      'Your mentoring session is confirmed.',
      expect.stringMatching(/^When: Friday,? 15 January 2027 at 18:00 \(Europe\/Paris\), 45 minutes$/),
      'How: Video call',
      'Join: https://meet.example.org/passerelle-0123',
      'Agenda: CV review',
      'The attached invitation updates your calendar.',
    ]);
    const fr = renderInApp('session_cancelled', session, 'fr');
    expect(fr.title).toMatch(/^Séance de mentorat annulée : vendredi 15 janvier 2027 à 18:00 \(Europe\/Paris\)$/);
    expect(fr.body).toContain('Comment : Visioconférence');
    expect(fr.body).toContain('Motif : Ill');
  });

  it('adds the unsubscribe link to optional mail only, naming its category', () => {
    const nudge = renderMail('cadence_slipped', { programName: 'First Steps', cadenceDays: 14, daysSince: 20 }, 'fr', {
      displayName: 'Léa',
      unsubscribeUrl: 'https://app.example.org/unsubscribe?category=reminders#token=t',
    });
    expect(nudge.text.startsWith('Bonjour Léa,\n\n')).toBe(true);
    expect(nudge.text).toContain('« First Steps »');
    expect(nudge.text).toContain('tous les 14 jours ; la dernière remonte à 20 jours');
    expect(nudge.text).toContain('Ne plus recevoir ce type de message (rappels) : https://app.example.org/unsubscribe?category=reminders#token=t');
    const invitation = renderMail('session_confirmed', session, 'en', { displayName: null, unsubscribeUrl: null });
    expect(invitation.text.startsWith('Hello,\n\n')).toBe(true);
    expect(invitation.text).not.toMatch(/unsubscribe|Stop receiving/i);
  });

  it('sorts every template into essential or an optional category', () => {
    expect(categoryOf('session_confirmed')).toBe('essential');
    expect(categoryOf('session_upcoming')).toBe('reminders');
    expect(categoryOf('alert_follow_up')).toBe('reminders');
    expect(categoryOf('organizer_alert')).toBe('organizer_alerts');
    expect(categoryOf('match_request_expiring')).toBe('match_updates');
  });

  it('names an alert’s reasons in words, without naming the pair', () => {
    const alert = renderInApp('organizer_alert', { programName: null, severity: 'critical', reasons: ['cadence_slipped', 'repeated_no_show'], pairReminded: true }, 'en');
    expect(alert.title).toBe('Pair at risk (critical): your mentoring programme');
    expect(alert.body).toContain('sessions no longer keep the programme’s rhythm, repeated no-shows. Both participants were reminded;');
  });

  it('names the declined-reschedule streak of alert.raised.v2 in both languages', () => {
    const reasons = ['reschedule_declined'];
    expect(renderInApp('organizer_alert', { programName: null, severity: 'warning', reasons, pairReminded: true }, 'en').body).toContain('A pair is flagged: moved sessions repeatedly declined.');
    expect(renderInApp('organizer_alert', { programName: null, severity: 'warning', reasons, pairReminded: true }, 'fr').body).toContain('Un binôme est signalé : déplacements de séance refusés à répétition.');
  });

  it('tells the organizers when the pair was not reminded, in both languages', () => {
    const quiet = { programName: null, severity: 'warning', reasons: ['low_satisfaction'], pairReminded: false } as const;
    expect(renderInApp('organizer_alert', quiet, 'en').body).toBe(
      "A pair is flagged: low satisfaction. The participants were not told: this comes from what one of them answered, so whether to reach out is yours to decide; the pair is linked from this notification in the app.",
    );
    expect(renderInApp('organizer_alert', quiet, 'fr').body).toContain("Les participants n'en ont pas été avertis");
  });
});
