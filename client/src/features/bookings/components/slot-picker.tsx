import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/error-messages';
import {
  cityOfZone,
  dayKeyIn,
  longDateIn,
  monthOf,
  shortDateIn,
  startOfDayIn,
  timeIn,
  viewerTimeZone,
} from '@/lib/zoned-time';
import { useSlots } from '../api/get-slots';
import './slot-picker.css';

const DayCalendar = lazy(() => import('./day-calendar'));

export interface SlotPickerProps {
  photographerId: string;
  packageId: string;
  /** The studio's IANA zone: named next to every time. */
  studioTimeZone: string;
  /** The zone times are shown in; the browser's by default. */
  viewerZone?: string;
  /** How far ahead the photographer takes bookings, to stop the calendar there. */
  horizonDays?: number;
  selected: string | null;
  onSelect: (startsAt: string) => void;
  /** The day to open on (viewer's calendar, `YYYY-MM-DD`); else the first day with free times. */
  initialDay?: string | null;
  /** Tests pin the clock; people get the real one. */
  now?: Date;
  /** The booking being moved: its own current time is offered too. */
  rescheduling?: string;
}

/**
 * A calendar of days with free times and the free times of the chosen day, in the viewer's
 * zone with the studio's zone named. Asks the API for one calendar month at a time (well under
 * the 93-day limit) and groups the UTC starts by the viewer's calendar days.
 */
export function SlotPicker({
  photographerId,
  packageId,
  studioTimeZone,
  viewerZone = viewerTimeZone(),
  horizonDays = 90,
  selected,
  onSelect,
  initialDay,
  now: pinnedNow,
  rescheduling,
}: SlotPickerProps) {
  const [now] = useState(() => pinnedNow ?? new Date());
  const today = dayKeyIn(now, viewerZone);
  const openingDay = initialDay ?? (selected ? dayKeyIn(selected, viewerZone) : null);
  const [month, setMonth] = useState(() => monthOf(openingDay ?? today).first);
  const [chosenDay, setChosenDay] = useState<string | null>(openingDay);

  const { first, next } = monthOf(month);
  const from = startOfDayIn(first < today ? today : first, viewerZone).toISOString();
  const to = startOfDayIn(next, viewerZone).toISOString();
  const slots = useSlots({ photographerId, packageId, from, to, rescheduling });

  const byDay = useMemo(() => {
    const days = new Map<string, string[]>();
    for (const slot of slots.data?.slots ?? []) {
      const key = dayKeyIn(slot, viewerZone);
      days.set(key, [...(days.get(key) ?? []), slot]);
    }
    return days;
  }, [slots.data, viewerZone]);

  const freeDays = [...byDay.keys()].sort();
  const freeDaySet = useMemo(() => new Set(byDay.keys()), [byDay]);
  const day = chosenDay && chosenDay >= first && chosenDay < next ? chosenDay : freeDays[0];
  const daySlots = day ? (byDay.get(day) ?? []) : [];
  const sameZone = viewerZone === studioTimeZone;
  const lastMonth = monthOf(dayKeyIn(now.getTime() + horizonDays * 86_400_000, viewerZone)).first;

  return (
    <div className="slot-picker">
      <p className="slot-picker__zones">
        {sameZone ? (
          <>
            Times are in <strong>{studioTimeZone}</strong>, the studio&apos;s time zone and yours.
          </>
        ) : (
          <>
            Times are in <strong>your time zone ({viewerZone})</strong>. The studio is in{' '}
            <strong>{studioTimeZone}</strong>.
          </>
        )}
      </p>
      <div className="slot-picker__body">
        <div className="slot-picker__calendar" aria-busy={slots.isPending || undefined}>
          <Suspense
            fallback={<Skeleton width="18.5rem" height="20rem" radius="var(--radius-md)" />}
          >
            <DayCalendar
              zone={viewerZone}
              month={month}
              onMonthChange={setMonth}
              firstMonth={monthOf(today).first}
              lastMonth={lastMonth}
              selectedDay={day ?? null}
              onSelectDay={setChosenDay}
              freeDays={freeDaySet}
            />
          </Suspense>
        </div>
        <div className="slot-picker__times">
          {slots.isPending ? <TimesSkeleton /> : null}
          {slots.isError ? (
            <Alert tone="danger" title="Could not load free times">
              <p>{describeError(slots.error)}</p>
              <Button variant="secondary" size="sm" onClick={() => void slots.refetch()}>
                Try again
              </Button>
            </Alert>
          ) : null}
          {slots.isSuccess && !day ? (
            <div className="slot-picker__empty">
              <p className="slot-picker__empty-title">
                No free times in{' '}
                {new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
                  new Date(`${month}T12:00:00Z`),
                )}
              </p>
              {month < lastMonth ? (
                <Button variant="secondary" size="sm" onClick={() => setMonth(next)}>
                  Look at the next month
                </Button>
              ) : (
                <p className="text-muted text-sm">
                  This photographer takes bookings up to {horizonDays} days ahead.
                </p>
              )}
            </div>
          ) : null}
          {slots.isSuccess && day ? (
            <DayTimes
              day={day}
              slots={daySlots}
              nextFreeDay={freeDays.find((d) => d > day) ?? null}
              onDayChange={setChosenDay}
              viewerZone={viewerZone}
              studioTimeZone={studioTimeZone}
              selected={selected}
              onSelect={onSelect}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}

interface DayTimesProps {
  day: string;
  slots: string[];
  nextFreeDay: string | null;
  onDayChange: (day: string) => void;
  viewerZone: string;
  studioTimeZone: string;
  selected: string | null;
  onSelect: (startsAt: string) => void;
}

function DayTimes({
  day,
  slots,
  nextFreeDay,
  onDayChange,
  viewerZone,
  studioTimeZone,
  selected,
  onSelect,
}: DayTimesProps) {
  const dayStart = startOfDayIn(day, viewerZone);
  const heading = longDateIn(new Date(dayStart.getTime() + 12 * 3_600_000), viewerZone);
  const sameZone = viewerZone === studioTimeZone;

  if (slots.length === 0) {
    return (
      <div className="slot-picker__empty">
        <p className="slot-picker__empty-title">No free times on {heading}</p>
        {nextFreeDay ? (
          <Button variant="secondary" size="sm" onClick={() => onDayChange(nextFreeDay)}>
            Next free day:{' '}
            {shortDateIn(startOfDayIn(nextFreeDay, viewerZone).getTime() + 43_200_000, viewerZone)}
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <section aria-label={`Free times on ${heading}`}>
      <h3 className="slot-picker__day">{heading}</h3>
      <ul className="slot-picker__grid">
        {slots.map((slot) => {
          const mine = timeIn(slot, viewerZone);
          const studioDay = dayKeyIn(slot, studioTimeZone) !== day;
          const theirs = `${timeIn(slot, studioTimeZone)}${
            studioDay ? ` ${shortDateIn(slot, studioTimeZone).split(' ')[0]}` : ''
          }`;
          // The name is read from the content ("09:00 your time · 15:00 in Europe/Berlin"): the
          // words only a screen reader needs are visually hidden, the city only the eye needs is
          // hidden from it, so what is read always contains what is seen.
          return (
            <li key={slot}>
              <button
                type="button"
                className="slot-picker__slot"
                data-starts-at={slot}
                aria-pressed={slot === selected}
                onClick={() => onSelect(slot)}
              >
                {/* Spaces between the parts are text nodes of their own: a name is built from
                    the parts' text, and space inside a part does not survive. */}
                <span className="slot-picker__mine">{mine}</span>{' '}
                {sameZone ? (
                  <span className="visually-hidden">in {studioTimeZone}</span>
                ) : (
                  <>
                    <span className="visually-hidden">your time ·</span>{' '}
                    <span className="slot-picker__theirs">
                      {theirs} <span className="visually-hidden">in {studioTimeZone}</span>
                      <span aria-hidden="true">{cityOfZone(studioTimeZone)}</span>
                    </span>
                  </>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {selected && slots.includes(selected) ? (
        <p className="slot-picker__chosen" role="status">
          {sameZone ? (
            <>
              <strong>{shortDateIn(selected, viewerZone)}</strong>, {timeIn(selected, viewerZone)}{' '}
              in {studioTimeZone}
            </>
          ) : (
            <>
              <strong>
                {shortDateIn(selected, viewerZone)}, {timeIn(selected, viewerZone)} your time
              </strong>{' '}
              · {dateLabelIfDifferent(selected, viewerZone, studioTimeZone)}
              {timeIn(selected, studioTimeZone)} in {studioTimeZone}
            </>
          )}
        </p>
      ) : null}
    </section>
  );
}

function dateLabelIfDifferent(at: string, viewerZone: string, studioZone: string): string {
  return dayKeyIn(at, viewerZone) === dayKeyIn(at, studioZone)
    ? ''
    : `${shortDateIn(at, studioZone)}, `;
}

function TimesSkeleton() {
  return (
    <div className="slot-picker__skeleton" role="status" aria-label="Loading free times">
      <Skeleton width="60%" height="1.25rem" />
      <div className="slot-picker__grid">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} height="3.25rem" radius="var(--radius-md)" />
        ))}
      </div>
    </div>
  );
}
