import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aPhotographer } from '@/testing/booking-factories';
import { aCalendarList } from '@/testing/calendar-factories';
import { aSession } from '@/testing/factories';
import { fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const FIRST =
  'https://lensbridge.example/api/calendar-feeds/first-token-first-token-first-token-abcd.ics';
const SECOND =
  'https://lensbridge.example/api/calendar-feeds/second-token-second-token-second-token-a.ics';

const studio = {
  'GET /api/auth/me': () => json(200, aSession({ role: 'photographer' })),
  'GET /api/photographers/me': () => json(200, aPhotographer()),
  'GET /api/photographers/me/calendar-feed': () => json(200, { url: FIRST }),
  'GET /api/photographers/me/calendars': () => json(200, aCalendarList()),
};

describe('studio calendar link', () => {
  it('shows the feed URL read-only with how to subscribe, and copies it', async () => {
    fakeApi(studio);
    const { user } = renderApp('/app/studio/calendar');

    const field = await screen.findByLabelText('Your calendar link', {}, { timeout: 5_000 });
    expect(field).toHaveValue(FIRST);
    expect(field).toHaveAttribute('readonly');
    expect(screen.getByRole('link', { name: 'Calendar' })).toHaveAttribute('aria-current', 'page');
    const subscribe = screen.getByRole('region', { name: 'Subscribe from your calendar app' });
    for (const app of ['Google Calendar', 'Apple Calendar', 'Outlook']) {
      expect(within(subscribe).getByText(app)).toBeVisible();
    }

    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Link copied')).toBeVisible();
    expect(await navigator.clipboard.readText()).toBe(FIRST);
  });

  it('makes a new link only after a warning that the old one stops working', async () => {
    const api = fakeApi({
      ...studio,
      'POST /api/photographers/me/calendar-feed/rotate': () => json(200, { url: SECOND }),
    });
    const { user } = renderApp('/app/studio/calendar');

    await user.click(
      await screen.findByRole('button', { name: 'Make a new link' }, { timeout: 5_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Make a new calendar link?' });
    expect(within(dialog).getByText(/stops working at once/)).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Keep the current link' }));
    expect(api.callsTo('POST /api/photographers/me/calendar-feed/rotate')).toHaveLength(0);
    expect(screen.getByLabelText('Your calendar link')).toHaveValue(FIRST);

    await user.click(screen.getByRole('button', { name: 'Make a new link' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Make a new link' }),
    );
    await waitFor(() => expect(screen.getByLabelText('Your calendar link')).toHaveValue(SECOND));
    expect(api.callsTo('POST /api/photographers/me/calendar-feed/rotate')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
