import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExternalCalendarDto } from '@shared/calendars/calendars.types';
import { aPhotographer } from '@/testing/booking-factories';
import { aCalendarList, anExternalCalendar, CALENDAR_ID } from '@/testing/calendar-factories';
import { aSession } from '@/testing/factories';
import { apiError, fakeApi, json, noContent } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const FEED = 'https://lensbridge.example/api/calendar-feeds/some-token-some-token-some-token-a.ics';
const GOOGLE = 'https://calendar.google.com/calendar/ical/lena%40gmail.com/private-abc/basic.ics';
const ERROR_ID = '7d9e1f3a-5b6c-4d8e-9f0a-1b2c3d4e5f60';

const studio = (calendars: ExternalCalendarDto[] = [], limit = 5) => ({
  'GET /api/auth/me': () => json(200, aSession({ role: 'photographer' })),
  'GET /api/photographers/me': () => json(200, aPhotographer()),
  'GET /api/photographers/me/calendar-feed': () => json(200, { url: FEED }),
  'GET /api/photographers/me/calendars': () => json(200, aCalendarList(calendars, { limit })),
});

const broken = () =>
  anExternalCalendar({
    id: ERROR_ID,
    kind: 'caldav',
    name: 'Work',
    displayUrl: 'https://caldav.icloud.com/…',
    username: 'lena@icloud.com',
    writesBookings: true,
    status: 'error',
    error: {
      code: 'CALENDAR_AUTH_FAILED',
      message: 'The server refused the user name or password.',
    },
  });

async function openCalendarTab() {
  const view = renderApp('/app/studio/calendar');
  // The first visit loads the app area and the studio page as chunks: give them time.
  await screen.findByText(/Lensbridge reads them/, {}, { timeout: 5_000 });
  return view;
}

const row = (name: string) => screen.getByRole('listitem', { name });

describe('studio: your calendars block your slots', () => {
  it('explains what connecting does when nothing is connected, next to the feed link', async () => {
    fakeApi(studio());
    await openCalendarTab();

    expect(await screen.findByText('No calendar connected yet')).toBeVisible();
    expect(screen.getByText(/takes those hours out of your free times/)).toBeVisible();
    expect(screen.getByText(/reads them again every 15 minutes/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Connect calendar' })).toBeEnabled();
    expect(await screen.findByLabelText('Your calendar link')).toHaveValue(FEED);
  });

  it('lists an ok and a failing calendar with what went wrong', async () => {
    fakeApi(studio([anExternalCalendar({ skippedCount: 2 }), broken()]));
    await openCalendarTab();

    const ok = await screen.findByRole('listitem', { name: 'Lena private' });
    expect(within(ok).getByText('iCalendar address')).toBeVisible();
    expect(within(ok).getByText(/calendar\.google\.com/)).toBeVisible();
    expect(within(ok).getByText('12 busy events')).toBeVisible();
    expect(within(ok).getByText('2 events could not be read')).toBeVisible();
    expect(within(ok).getByText(/5 minutes ago/)).toHaveAttribute('title');
    expect(within(ok).queryByRole('alert')).toBeNull();

    const failing = row('Work');
    expect(within(failing).getByText('CalDAV account')).toBeVisible();
    expect(within(failing).getByText(/signed in as lena@icloud.com/)).toBeVisible();
    expect(within(failing).getByText('Writes your confirmed bookings into it')).toBeVisible();
    const alert = within(failing).getByRole('alert');
    expect(alert).toHaveTextContent('The server refused the user name or password.');
    expect(alert).toHaveTextContent('Busy times from the last good sync still apply');
  });

  it('connects a secret iCalendar address and adds its row', async () => {
    const connected = anExternalCalendar({ name: 'Lena private', eventCount: 7 });
    let release = () => {};
    const read = new Promise<void>((resolve) => (release = resolve));
    const api = fakeApi({
      ...studio(),
      'POST /api/photographers/me/calendars': async () => {
        await read; // the server reads the calendar first: seconds
        return json(201, connected);
      },
    });
    const { user } = await openCalendarTab();

    expect(screen.queryByLabelText('User name')).toBeNull();
    await user.type(screen.getByLabelText('Calendar address'), GOOGLE);
    await user.click(screen.getByRole('button', { name: 'Connect calendar' }));
    expect(await screen.findByText(/Reading your calendar…/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Connect calendar' })).toBeDisabled();
    release();

    const added = await screen.findByRole('listitem', { name: 'Lena private' });
    expect(within(added).getByText('7 busy events')).toBeVisible();
    expect(api.callsTo('POST /api/photographers/me/calendars')[0]?.body).toEqual({
      kind: 'ics',
      url: GOOGLE,
    });
    expect(screen.getByLabelText('Calendar address')).toHaveValue('');
    expect(screen.queryByText('No calendar connected yet')).toBeNull();
  });

  it('shows the server’s reason when the calendar cannot be read', async () => {
    fakeApi({
      ...studio(),
      'POST /api/photographers/me/calendars': () =>
        apiError(
          422,
          'CALENDAR_NOT_ICALENDAR',
          'That address answers with a web page, not a calendar.',
        ),
    });
    const { user } = await openCalendarTab();

    await user.type(screen.getByLabelText('Calendar address'), 'https://example.com/cal');
    await user.click(screen.getByRole('button', { name: 'Connect calendar' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This calendar was not connected');
    expect(alert).toHaveTextContent('That address answers with a web page, not a calendar.');
    expect(screen.getByLabelText('Calendar address')).toHaveValue('https://example.com/cal');
    expect(screen.getByText('No calendar connected yet')).toBeVisible();
  });

  it('asks a CalDAV account for its user name and password and whether to write bookings', async () => {
    const api = fakeApi({
      ...studio(),
      'POST /api/photographers/me/calendars': () =>
        json(201, anExternalCalendar({ kind: 'caldav', name: 'Home', writesBookings: false })),
    });
    const { user } = await openCalendarTab();

    await user.click(screen.getByRole('radio', { name: 'CalDAV account' }));
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    const write = screen.getByRole('checkbox', {
      name: /Write my confirmed bookings into this calendar/,
    });
    expect(write).toBeChecked();
    expect(screen.getByText(/app-specific password from appleid\.apple\.com/)).toBeVisible();

    await user.type(screen.getByLabelText('CalDAV server address'), 'https://caldav.icloud.com');
    await user.type(screen.getByLabelText('User name'), 'lena@icloud.com');
    await user.type(password, 'abcd-efgh-ijkl-mnop');
    await user.click(write);
    await user.click(screen.getByRole('button', { name: 'Connect calendar' }));

    await screen.findByRole('listitem', { name: 'Home' });
    expect(api.callsTo('POST /api/photographers/me/calendars')[0]?.body).toEqual({
      kind: 'caldav',
      url: 'https://caldav.icloud.com',
      username: 'lena@icloud.com',
      password: 'abcd-efgh-ijkl-mnop',
      writeBookings: false,
    });

    await user.click(screen.getByRole('radio', { name: 'Secret iCalendar address' }));
    expect(screen.queryByLabelText('User name')).toBeNull();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('puts the server’s field errors on the fields', async () => {
    fakeApi({
      ...studio(),
      'POST /api/photographers/me/calendars': () =>
        apiError(400, 'VALIDATION_FAILED', 'Check the form', {
          details: [{ path: 'url', message: 'Use the https:// address' }],
        }),
    });
    const { user } = await openCalendarTab();

    await user.type(screen.getByLabelText('Calendar address'), 'webcal://x.example/a.ics');
    await user.click(screen.getByRole('button', { name: 'Connect calendar' }));

    expect(await screen.findByText('Use the https:// address')).toBeVisible();
    expect(screen.getByLabelText('Calendar address')).toHaveAttribute('aria-invalid', 'true');
  });

  it('syncs now and shows the result on the row, a failure included', async () => {
    let answered = 0;
    const api = fakeApi({
      ...studio([anExternalCalendar()]),
      [`POST /api/photographers/me/calendars/${CALENDAR_ID}/sync`]: () => {
        answered += 1;
        return answered === 1
          ? json(
              200,
              anExternalCalendar({ eventCount: 13, lastSyncedAt: new Date().toISOString() }),
            )
          : json(
              200,
              anExternalCalendar({
                eventCount: 13,
                status: 'error',
                error: { code: 'CALENDAR_TIMEOUT', message: 'Google took too long to answer.' },
              }),
            );
      },
    });
    const { user } = await openCalendarTab();

    const calendar = await screen.findByRole('listitem', { name: 'Lena private' });
    await user.click(within(calendar).getByRole('button', { name: /^Sync now/ }));
    expect(await within(calendar).findByText('13 busy events')).toBeVisible();
    expect(within(calendar).getByText('now', { selector: 'time' })).toBeVisible();

    await user.click(within(calendar).getByRole('button', { name: /^Sync now/ }));
    expect(await within(calendar).findByRole('alert')).toHaveTextContent(
      'Google took too long to answer.',
    );
    expect(api.callsTo(`POST /api/photographers/me/calendars/${CALENDAR_ID}/sync`)).toHaveLength(2);
  });

  it('removes a calendar only after a confirmation that says what happens', async () => {
    const api = fakeApi({
      ...studio([broken()]),
      [`DELETE /api/photographers/me/calendars/${ERROR_ID}`]: () => noContent(),
    });
    const { user } = await openCalendarTab();

    const calendar = await screen.findByRole('listitem', { name: 'Work' });
    await user.click(within(calendar).getByRole('button', { name: 'Remove Work' }));
    let dialog = await screen.findByRole('dialog', { name: 'Remove Work?' });
    expect(within(dialog).getByText(/no longer block your slots/)).toBeVisible();
    expect(within(dialog).getByText(/Bookings already written into it stay there/)).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(api.callsTo(`DELETE /api/photographers/me/calendars/${ERROR_ID}`)).toHaveLength(0);
    expect(row('Work')).toBeVisible();

    await user.click(within(row('Work')).getByRole('button', { name: 'Remove Work' }));
    dialog = await screen.findByRole('dialog', { name: 'Remove Work?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove calendar' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Work' })).toBeNull());
    expect(api.callsTo(`DELETE /api/photographers/me/calendars/${ERROR_ID}`)).toHaveLength(1);
    expect(screen.getByText('No calendar connected yet')).toBeVisible();
  });

  it('hides the form once the limit is reached', async () => {
    fakeApi(studio([anExternalCalendar()], 1));
    await openCalendarTab();

    expect(await screen.findByText(/the most you can/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Connect calendar' })).toBeNull();
  });
});
