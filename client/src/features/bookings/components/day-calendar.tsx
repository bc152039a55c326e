import { DayPicker } from 'react-day-picker';
import 'react-day-picker/style.css';
import { dayKeyIn, monthOf, startOfDayIn } from '@/lib/zoned-time';

export interface DayCalendarProps {
  zone: string;
  /** First day of the month shown, `YYYY-MM-DD`. */
  month: string;
  onMonthChange: (firstOfMonth: string) => void;
  firstMonth: string;
  lastMonth: string;
  selectedDay: string | null;
  onSelectDay: (day: string) => void;
  /** Days (`YYYY-MM-DD` in `zone`) that have free times; all others are disabled. */
  freeDays: ReadonlySet<string>;
}

/**
 * react-day-picker in the viewer's zone, days as `YYYY-MM-DD` strings in and out. Its own chunk
 * (with date-fns), loaded when a slot picker first shows, to keep the booking route light.
 */
export default function DayCalendar({
  zone,
  month,
  onMonthChange,
  firstMonth,
  lastMonth,
  selectedDay,
  onSelectDay,
  freeDays,
}: DayCalendarProps) {
  const isFree = (date: Date) => freeDays.has(dayKeyIn(date, zone));
  return (
    <DayPicker
      mode="single"
      timeZone={zone}
      noonSafe
      weekStartsOn={1}
      month={startOfDayIn(month, zone)}
      onMonthChange={(date) => onMonthChange(monthOf(dayKeyIn(date, zone)).first)}
      startMonth={startOfDayIn(firstMonth, zone)}
      endMonth={startOfDayIn(lastMonth, zone)}
      selected={selectedDay ? startOfDayIn(selectedDay, zone) : undefined}
      onSelect={(date) => date && onSelectDay(dayKeyIn(date, zone))}
      disabled={(date) => !isFree(date)}
      modifiers={{ free: isFree }}
      modifiersClassNames={{ free: 'slot-picker__free-day' }}
      // The name starts with the number the button shows ("14, Tuesday, 14 May 2030, free
      // times"), so what is read out matches what is seen (axe label-content-name-mismatch).
      labels={{
        labelDayButton: (date, modifiers) => {
          const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', timeZone: zone }).format(
            date,
          );
          const full = new Intl.DateTimeFormat('en-GB', {
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            timeZone: zone,
          }).format(date);
          const state = modifiers.selected ? ', selected' : modifiers.free ? ', free times' : '';
          return `${day}, ${full}${state}`;
        },
      }}
    />
  );
}
