import { KPI_DEFINITIONS } from '../domain/kpi-definitions';
import type { ProgramReport } from '../application/get-program-report.use-case';

export const CSV_TABLES = ['kpis', 'weekly', 'pairs'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** What a spreadsheet reads as the start of a formula (or, for tab and CR, lets one slip past a check). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field, safe to open in a spreadsheet: a text starting like a
 * formula gets a leading single quote, so Excel, LibreOffice and Sheets show
 * it as text instead of running it. Figures the report computed are numbers
 * and stay as written, negative ones included (-0.5 is a figure, not a
 * formula); a text that merely looks numeric is still a text and is quoted.
 * Then quoted when it holds a comma, quote or line break.
 */
export function csvField(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const raw = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const lines = (rows: unknown[][]): string => `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;

function definitionOf(path: string): string {
  for (let key = path; key.includes('.'); key = key.slice(0, key.lastIndexOf('.'))) {
    if (KPI_DEFINITIONS[key]) return KPI_DEFINITIONS[key];
  }
  return '';
}

function flatten(value: unknown, path: string, rows: unknown[][]): void {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, path ? `${path}.${key}` : key, rows);
    return;
  }
  rows.push([path, value, definitionOf(path)]);
}

/** One table of the report as CSV (the JSON report's figures, flattened; definitions alongside). */
export function reportCsv(report: ProgramReport, table: CsvTable): string {
  if (table === 'weekly') {
    const columns = ['weekStart', 'enrolments', 'matchesAccepted', 'sessionsHeld', 'noShows', 'messagesSent', 'feedbackResponses', 'averageSessionRating', 'cumulativeMatchedMentees'] as const;
    return lines([[...columns], ...report.weekly.map((week) => columns.map((column) => week[column]))]);
  }
  if (table === 'pairs') {
    const header = ['matchId', 'mentorId', 'menteeId', 'acceptedAt', 'active', 'lastSessionAt', 'sessionsHeld', 'averageRating', 'atRisk', 'reasons'];
    return lines([
      header,
      ...report.pairs.map((pair) => [
        pair.matchId,
        pair.mentorId,
        pair.menteeId,
        pair.acceptedAt,
        pair.active,
        pair.lastSessionAt,
        pair.sessionsHeld,
        pair.averageRating,
        pair.atRisk,
        pair.reasons.map((reason) => `${reason.code}:${reason.observed}>${reason.threshold}`),
      ]),
    ]);
  }
  const rows: unknown[][] = [['metric', 'value', 'definition']];
  flatten(report.kpis, '', rows);
  rows.push(['asOf', report.asOf, KPI_DEFINITIONS['asOf']]);
  rows.push(['freshness.lagSeconds', report.freshness.lagSeconds, KPI_DEFINITIONS['freshness']]);
  return lines(rows);
}
