import type { ExternalCalendarListDto } from '@shared/calendars/calendars.types';
import { Card } from '@/components/ui/card';
import { ConnectCalendarForm } from './connect-calendar-form';
import { ConnectedCalendarRow } from './connected-calendar-row';
import './studio.css';
import './calendars.css';

function syncNote(syncMinutes: number): string {
  if (syncMinutes <= 0) return 'Lensbridge reads them when you press Sync now.';
  if (syncMinutes === 1) return 'Lensbridge reads them again every minute.';
  return `Lensbridge reads them again every ${syncMinutes} minutes.`;
}

/**
 * The photographer's own calendars, whose busy events block their slots: the list with each
 * calendar's last read, and the form to connect another (until the limit).
 */
export function ConnectedCalendars({ list }: { list: ExternalCalendarListDto }) {
  const { calendars, syncMinutes, limit } = list;
  const full = calendars.length >= limit;

  return (
    <div className="stack">
      <p className="text-muted">
        While an event in one of these calendars is busy, clients can&apos;t book you then. They
        never see the events themselves, only fewer free times. {syncNote(syncMinutes)}
      </p>
      {calendars.length ? (
        <ul className="ext-calendars" aria-label="Connected calendars">
          {calendars.map((calendar) => (
            <ConnectedCalendarRow key={calendar.id} calendar={calendar} />
          ))}
        </ul>
      ) : (
        <div className="ext-calendars__empty">
          <p className="ext-calendars__empty-title">No calendar connected yet</p>
          <p className="text-muted">
            Connect the calendar you already live in: a dentist appointment or a school play there
            then takes those hours out of your free times, so nobody books a session you can&apos;t
            make. With a CalDAV account, your confirmed bookings can go into it too.
          </p>
        </div>
      )}
      {full ? (
        <p className="ext-calendars__limit text-sm" role="note">
          You have connected {limit} calendar{limit === 1 ? '' : 's'}, the most you can. Remove one
          to connect another.
        </p>
      ) : (
        <Card padding="lg">
          <ConnectCalendarForm />
        </Card>
      )}
    </div>
  );
}
