/**
 * What each report figure counts, over which period (issue 7, item 5). Served
 * with every report and in the CSV export. Unless a definition says
 * otherwise, a figure covers the programme's whole life up to the report,
 * "enrolled" means enrolled and not withdrawn, a "pair" is a match both
 * sides accepted, rates are fractions 0–1 (4 decimals) and null when their
 * denominator is 0, averages have 2 decimals, days are 24-hour periods.
 */
export const KPI_DEFINITIONS: Record<string, string> = {
  'participation.mentorsEnrolled': 'Mentor enrolments (intake enrollment.submitted) not withdrawn.',
  'participation.menteesEnrolled': 'Mentee enrolments not withdrawn.',
  'participation.mentorCapacity': "Sum of enrolled mentors' capacity (the programme's default capacity when a mentor stated none).",
  'participation.activePairs': 'Pairs accepted and not ended.',
  'participation.mentorCapacityUsedRate': 'activePairs / mentorCapacity.',
  'participation.matchedMenteeRate': 'Enrolled mentees with at least one accepted match / enrolled mentees.',
  'participation.matchesProposed': 'Matches proposed (every match known, whatever became of it).',
  'participation.matchesAccepted': 'Matches both sides accepted (ended ones included).',
  'participation.matchesDeclined': 'Proposals declined or expired without being accepted.',
  'participation.matchAcceptanceRate': 'matchesAccepted / (matchesAccepted + matchesDeclined): proposals answered, not those still pending.',
  'participation.averageDaysEnrolmentToMatch': "Mean, over matched enrolled mentees, of days from their enrolment to their first accepted match.",
  'participation.roundsCompleted': 'Matching rounds completed for the programme.',
  'engagement.sessionsHeld': 'Sessions completed (communication session.completed); no-shows and cancellations excluded.',
  'engagement.sessionsPerPair': 'Sessions held by pairs / pairs.',
  'engagement.sessionsPerPairPerMonth': 'Sessions held by pairs / pair-months, a pair-month being 30 days from acceptance to its end (or to the report), at least one per pair.',
  'engagement.averageDaysToFirstSession': "Mean, over pairs with a session held, of days from acceptance to the start of the pair's first held session.",
  'engagement.pairsKeepingCadenceRate': "Active pairs whose last held session (or acceptance, if none) is at most the programme's cadence (cadenceDays) before the report / active pairs.",
  'engagement.noShowRate': 'Sessions recorded as no-show / (held + no-show).',
  'engagement.messagesSent': 'Messages sent in pair conversations (metadata only).',
  'engagement.messagesPerPair': 'messagesSent / pairs.',
  'engagement.gatheringRegistrations': 'Confirmed gathering seats not cancelled.',
  'engagement.gatheringAttendances': 'Of those, attendances recorded.',
  'engagement.gatheringAttendanceRate': 'gatheringAttendances / gatheringRegistrations.',
  'engagement.nudgesSent': 'Reminders communication sent for the programme.',
  'quality.sessionRatings': 'Session feedback answers.',
  'quality.averageSessionRating': 'Mean satisfaction (1–5) of session feedback.',
  'quality.pulseResponses': 'Mid-programme pulse survey answers.',
  'quality.pulseSatisfaction': 'Mean satisfaction (1–5) of pulse answers.',
  'quality.pulseNps': 'NPS of pulse answers: % of 9–10 minus % of 0–6, one decimal.',
  'quality.exitResponses': 'Exit survey answers.',
  'quality.exitSatisfaction': 'Mean satisfaction (1–5) of exit answers.',
  'quality.nps': 'NPS of exit answers: % of 9–10 minus % of 0–6, one decimal.',
  'outcomes.goalsSet': 'Goals set (intake goal.set), abandoned ones included.',
  'outcomes.goalsAchieved': 'Goals whose latest progress says achieved.',
  'outcomes.averageGoalProgressPercent': 'Mean latest progress (0–100, 0 when none recorded) of goals not abandoned, one decimal.',
  'outcomes.baselineToExit': "Per scale, mean of (exit answer − the same person's enrolment baseline) over exit respondents with a baseline in that role; respondents = how many.",
  'outcomes.networking': 'Sums of connections made, interviews and offers over exit answers; byObjective: the same over exit respondents with a goal for that objective.',
  'support.trainingModulesForMentors': 'Training modules published for mentors (audience mentor or all).',
  'support.trainingModulesForMentees': 'Training modules published for mentees (audience mentee or all).',
  'support.mentorsTrainedRate': 'Enrolled mentors who completed every module for mentors / enrolled mentors; null without modules.',
  'support.menteesTrainedRate': 'Enrolled mentees who completed every module for mentees / enrolled mentees; null without modules.',
  'support.trainedBeforeFirstSessionRate': 'Enrolled participants with a session held who had completed every module for their role before its start / those participants.',
  'pairHealth.activePairs': 'Pairs accepted and not ended.',
  'pairHealth.pairsAtRisk':
    'Active pairs at risk at the report time: no session held for more than cadenceFactor × cadence days (no_first_session when none yet, counted from acceptance), ' +
    'at least noShowThreshold no-shows, a mean session rating at or below lowRating over at least minRatings answers, ' +
    'or a streak of at least declinedRescheduleThreshold declined reschedules (rules per programme, see /v1/alerts/rules). ' +
    'A declined reschedule is a session moved (communication session.rescheduled: back to proposed for the other participant to confirm) ' +
    'then cancelled (session.cancelled) by someone other than who moved it last, after that move; the streak counts those cancelled after the start ' +
    "of the pair's last held session (any, when none was held yet) and up to the report time.",
  asOf:
    'Every fact evaluation has received counts, whatever its date; asOf (default: the request time) is the "now" of the time-dependent figures: ' +
    'cadence kept, pairs at risk, pair-months and the last week of the series.',
  weekly:
    'Per week (Monday 00:00 UTC, 7 days): enrolments, matches accepted, sessions held and no-shows (by session start), messages, feedback answers and mean session rating ' +
    '(by submission), and mentees matched so far at the end of the week. From the week of the first dated fact to the report week, 104 weeks at most.',
  freshness:
    "Projection lag: for the latest event of this programme applied by the live consumer, seconds from its ce_time to its effect in the projection. Also the metric evaluation_projection_lag_seconds.",
};
