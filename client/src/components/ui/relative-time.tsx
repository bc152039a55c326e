import { useEffect, useState } from 'react';
import { browserLocale } from '@/lib/locale';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "5 minutes ago", "in 2 hours", "now", in the viewer's language. */
export function relativeTimeLabel(at: Date, now: Date, locale = browserLocale()): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** "12 March 2026 at 14:05", in the viewer's language and time zone. */
export function absoluteTimeLabel(at: Date, locale = browserLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(at);
}

/** A relative time that stays current on screen, with the exact time on hover. */
export function RelativeTime({ at }: { at: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const date = new Date(at);
  return (
    <time dateTime={at} title={absoluteTimeLabel(date)}>
      {relativeTimeLabel(date, now)}
    </time>
  );
}
