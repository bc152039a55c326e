import { useState } from 'react';
import { toast } from 'sonner';
import type { CalendarFeedDto } from '@shared/calendar-feeds/calendar-feeds.types';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/error-messages';
import { useRotateMyCalendarFeed } from '../api/my-calendar-feed';

/** The feed URL to paste into a calendar app, how to do that, and "make a new link". */
export function CalendarFeedPanel({ feed }: { feed: CalendarFeedDto }) {
  const [confirmRotate, setConfirmRotate] = useState(false);
  const rotate = useRotateMyCalendarFeed();

  async function copy() {
    try {
      await navigator.clipboard.writeText(feed.url);
      toast.success('Link copied');
    } catch {
      toast.error('Could not copy: select the link and copy it yourself.');
    }
  }

  return (
    <div className="stack">
      <Card padding="lg">
        <div className="stack">
          <TextField
            label="Your calendar link"
            value={feed.url}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            hint="Keep it private: anyone with this link can see your bookings, with clients' names and briefs."
          />
          <div className="calendar-feed__actions">
            <Button onClick={() => void copy()}>Copy</Button>
            <Button variant="secondary" onClick={() => setConfirmRotate(true)}>
              Make a new link
            </Button>
          </div>
        </div>
      </Card>
      <section className="stack studio-section" aria-labelledby="subscribe-title">
        <h3 id="subscribe-title" className="section-heading">
          Subscribe from your calendar app
        </h3>
        <ul className="stack">
          <li>
            <strong>Google Calendar</strong> (on a computer): Other calendars → + → From URL, paste
            the link, Add calendar.
          </li>
          <li>
            <strong>Apple Calendar</strong>: on a Mac, File → New Calendar Subscription; on an
            iPhone, Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar.
          </li>
          <li>
            <strong>Outlook</strong>: Add calendar → Subscribe from web, paste the link, Import.
          </li>
        </ul>
        <p className="text-muted text-sm">
          Calendar apps fetch the link every few hours (Google can take up to a day), so a new
          booking may take a while to show. Cancelled sessions stay, marked cancelled.
        </p>
      </section>
      <ConfirmDialog
        open={confirmRotate}
        title="Make a new calendar link?"
        confirmLabel="Make a new link"
        cancelLabel="Keep the current link"
        pending={rotate.isPending}
        onClose={() => setConfirmRotate(false)}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: () => {
              setConfirmRotate(false);
              toast.success('New link made. Subscribe to it again in your calendar apps.');
            },
            onError: (error) => {
              setConfirmRotate(false);
              toast.error(describeError(error));
            },
          })
        }
      >
        <p>
          The current link stops working at once: calendars subscribed to it stop updating (and some
          will show an error). Subscribe again with the new link wherever you still want your
          bookings.
        </p>
      </ConfirmDialog>
    </div>
  );
}
