import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { SelectField } from '../../components/SelectField';
import type { Availability } from './survey';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** The hours offered by default: a working day and its evening. Hours chosen earlier outside them still show. */
const USUAL_HOURS = Array.from({ length: 16 }, (_, index) => index + 7);

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Paris';
}

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

const pad = (hour: number) => String(hour).padStart(2, '0');

/**
 * The weekly one-hour slots a person is usually free, in their own time zone:
 * one group of hours per day, each hour a toggle button.
 */
export function AvailabilityField({
  label,
  hint,
  minSlots,
  value,
  onChange,
  error,
}: {
  label: string;
  hint?: string;
  minSlots: number;
  value: Availability | undefined;
  onChange: (value: Availability) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const timeZone = value?.timeZone ?? browserTimeZone();
  const slots = value?.slots ?? [];
  const hourLabel = (hour: number) =>
    new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 5, hour)));
  const hoursOf = (day: string) => [...new Set([...USUAL_HOURS, ...slots.filter((slot) => slot.startsWith(`${day}-`)).map((slot) => Number(slot.slice(4)))])].sort((a, b) => a - b);
  const setDay = (day: string, chosen: string[]) =>
    onChange({ timeZone, slots: [...slots.filter((slot) => !slot.startsWith(`${day}-`)), ...chosen].sort((a, b) => DAYS.indexOf(a.slice(0, 3) as never) - DAYS.indexOf(b.slice(0, 3) as never) || a.localeCompare(b)) });
  return (
    <fieldset className="field availability" aria-describedby={`${id}-hint ${id}-error`} aria-invalid={error ? true : undefined}>
      <legend>{label}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {[hint, t('enrolment.availabilityHint', { n: minSlots, chosen: slots.length })].filter(Boolean).join(' ')}
      </p>
      {/* Under the question rather than after the week, where it would be out of sight. */}
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
      <SelectField
        label={t('enrolment.timeZone')}
        options={timeZones(timeZone).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
        value={timeZone}
        onChange={(event) => onChange({ timeZone: event.target.value, slots })}
      />
      {/* One stop per day for the Tab key; the arrow keys move between its hours, Space or Enter picks one. */}
      {DAYS.map((day) => (
        <div key={day} className="day-slots">
          <p id={`${id}-${day}`} className="day-name">
            {t(`enrolment.day.${day}`)}
          </p>
          <ToggleButtonGroup
            className="slot-chips"
            aria-labelledby={`${id}-${day}`}
            selectionMode="multiple"
            selectedKeys={slots.filter((slot) => slot.startsWith(`${day}-`))}
            onSelectionChange={(keys) => setDay(day, [...keys].map(String))}
          >
            {hoursOf(day).map((hour) => (
              <ToggleButton key={hour} id={`${day}-${pad(hour)}`} className="slot-chip" aria-label={t('enrolment.slot', { day: t(`enrolment.day.${day}`), hour: hourLabel(hour) })}>
                {hourLabel(hour)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </div>
      ))}
    </fieldset>
  );
}
