import { useId, useState } from 'react';
import { toast } from 'sonner';
import type { ExternalCalendarDto } from '@shared/calendars/calendars.types';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { RelativeTime } from '@/components/ui/relative-time';
import { describeError } from '@/lib/error-messages';
import { useRemoveMyCalendar, useSyncMyCalendar } from '../api/my-calendars';

export const CALENDAR_KIND_LABEL: Record<ExternalCalendarDto['kind'], string> = {
  ics: 'iCalendar address',
  caldav: 'CalDAV account',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One connected calendar: what it is, how its last read went, "Sync now" and "Remove". */
export function ConnectedCalendarRow({ calendar }: { calendar: ExternalCalendarDto }) {
  const nameId = useId();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const sync = useSyncMyCalendar();
  const remove = useRemoveMyCalendar();
  const failed = calendar.status === 'error';

  const syncNow = () =>
    sync.mutate(calendar.id, {
      onSuccess: (result) => {
        if (result.status === 'ok') toast.success(`${result.name} read again`);
      },
    });

  return (
    <li className="ext-calendar" aria-labelledby={nameId} data-status={calendar.status}>
      <div className="ext-calendar__head">
        <h3 id={nameId} className="ext-calendar__name">
          {calendar.name}
        </h3>
        <Badge>{CALENDAR_KIND_LABEL[calendar.kind]}</Badge>
        {failed ? <Badge tone="danger">Last sync failed</Badge> : null}
      </div>
      <p className="ext-calendar__address">
        <span className="ext-calendar__url">{calendar.displayUrl}</span>
        {calendar.username ? (
          <span className="text-muted"> · signed in as {calendar.username}</span>
        ) : null}
      </p>
      {calendar.writesBookings ? (
        <p className="text-sm">Writes your confirmed bookings into it</p>
      ) : null}
      <p className="ext-calendar__facts text-sm">
        <span>
          {calendar.lastSyncedAt ? (
            <>
              Last read <RelativeTime at={calendar.lastSyncedAt} />
            </>
          ) : (
            'Not read yet'
          )}
        </span>
        <span>{plural(calendar.eventCount, 'busy event', 'busy events')}</span>
        {calendar.skippedCount > 0 ? (
          <span className="ext-calendar__skipped">
            {plural(calendar.skippedCount, 'event', 'events')} could not be read
          </span>
        ) : null}
      </p>
      {failed ? (
        <Alert tone="danger" title="Lensbridge could not read this calendar">
          <p>{calendar.error?.message ?? 'The last sync failed.'}</p>
          <p>
            Busy times from the last good sync still apply.
            {calendar.lastAttemptAt ? (
              <>
                {' '}
                Last tried <RelativeTime at={calendar.lastAttemptAt} />.
              </>
            ) : null}
          </p>
        </Alert>
      ) : null}
      {sync.isError ? (
        <Alert tone="danger" title="Could not sync now">
          {describeError(sync.error)}
        </Alert>
      ) : null}
      <div className="ext-calendar__actions">
        <Button
          size="sm"
          variant="secondary"
          aria-label={`Sync now: ${calendar.name}`}
          loading={sync.isPending}
          onClick={syncNow}
        >
          Sync now
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Remove ${calendar.name}`}
          disabled={sync.isPending}
          onClick={() => setConfirmRemove(true)}
        >
          Remove
        </Button>
        <span className="ext-calendar__progress text-sm text-muted" role="status">
          {sync.isPending ? 'Reading your calendar…' : ''}
        </span>
      </div>
      <ConfirmDialog
        open={confirmRemove}
        title={`Remove ${calendar.name}?`}
        confirmLabel="Remove calendar"
        cancelLabel="Keep it"
        pending={remove.isPending}
        onClose={() => setConfirmRemove(false)}
        onConfirm={() =>
          remove.mutate(calendar.id, {
            onSuccess: () => toast.success(`${calendar.name} removed`),
            onError: (error) => {
              setConfirmRemove(false);
              toast.error(describeError(error));
            },
          })
        }
      >
        <p>
          Lensbridge stops reading it: its events no longer block your slots, so clients can book
          those times again.
        </p>
        {calendar.writesBookings ? (
          <p>
            Bookings already written into it stay there. Delete them in your calendar app if you
            want them gone.
          </p>
        ) : (
          <p>Nothing in the calendar itself changes.</p>
        )}
      </ConfirmDialog>
    </li>
  );
}
