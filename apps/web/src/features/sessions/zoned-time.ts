const pad = (value: number) => String(value).padStart(2, '0');

function wallParts(instant: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Minutes `timeZone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const wall = wallParts(instant, timeZone);
  return Math.round((Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - instant.getTime()) / 60_000);
}

/**
 * A date and time as read on a clock in `timeZone` (from the form's date and
 * time inputs), written as the instant with its offset that the service
 * asks for, e.g. 2026-02-12T18:00:00+01:00. The offset is taken at that
 * moment, so daylight saving time is right on either side of a change.
 */
export function zonedInstant(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = offsetMinutes(new Date(wall), timeZone);
  const offset = offsetMinutes(new Date(wall - first * 60_000), timeZone);
  const sign = offset >= 0 ? '+' : '-';
  const size = Math.abs(offset);
  return `${date}T${time}:00${sign}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}

/** The date and time inputs' values for `iso` on a clock in `timeZone`. */
export function wallClockOf(iso: string, timeZone: string): { date: string; time: string } {
  const wall = wallParts(new Date(iso), timeZone);
  return { date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`, time: `${pad(wall.hour)}:${pad(wall.minute)}` };
}

/** The browser's zone, the default for a new session. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Paris';
}

/** The zones a person may choose from: the runtime's list, with `current` in it whatever it is. */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}
