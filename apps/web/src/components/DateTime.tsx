import { useTranslation } from 'react-i18next';

const STYLES = {
  date: { dateStyle: 'long' },
  dateTime: { dateStyle: 'full', timeStyle: 'short' },
  time: { timeStyle: 'short' },
  short: { dateStyle: 'medium', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateTimeStyle = keyof typeof STYLES;

/** An instant written in the page's language and the browser's time zone. */
export function formatDateTime(iso: string, language: string, style: DateTimeStyle): string {
  return new Intl.DateTimeFormat(language, STYLES[style]).format(new Date(iso));
}

/** A `<time>` element: the machine-readable instant, and the same in words for the reader. */
export function DateTime({ value, style = 'short' }: { value: string; style?: DateTimeStyle }) {
  const { i18n } = useTranslation();
  return <time dateTime={value}>{formatDateTime(value, i18n.language, style)}</time>;
}
