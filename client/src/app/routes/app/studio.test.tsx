import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anAvailability, aPhotographer } from '@/testing/booking-factories';
import { aSession } from '@/testing/factories';
import { apiError, fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const studio = {
  'GET /api/auth/me': () => json(200, aSession({ role: 'photographer' })),
  'GET /api/photographers/me': () => json(200, aPhotographer()),
  'GET /api/photographers/me/availability': () => json(200, anAvailability()),
};

describe('weekly availability editor', () => {
  it('flags an overlapping interval on its own row and sends nothing', async () => {
    const api = fakeApi(studio);
    const { user } = renderApp('/app/studio/availability');

    const tuesday = await screen.findByRole(
      'group',
      { name: 'Tuesday interval 1' },
      { timeout: 5_000 },
    );
    expect(within(tuesday).getByLabelText('Tuesday interval 1 starts')).toHaveValue('09:00');
    await user.click(screen.getByRole('button', { name: 'Add hours on Monday' }));
    const added = await screen.findByRole('group', { name: 'Monday interval 3' });
    await user.clear(within(added).getByLabelText('Monday interval 3 starts'));
    await user.type(within(added).getByLabelText('Monday interval 3 starts'), '10:00');
    await user.click(screen.getByRole('button', { name: 'Save hours and rules' }));

    expect(
      await within(added).findByText('This interval overlaps another one on the same day'),
    ).toBeVisible();
    expect(
      within(screen.getByRole('group', { name: 'Monday interval 1' })).queryByText(/overlaps/),
    ).toBeNull();
    expect(api.callsTo('PUT /api/photographers/me/availability')).toHaveLength(0);
  });

  it("puts the server's validation message on the interval it names", async () => {
    const api = fakeApi({
      ...studio,
      'PUT /api/photographers/me/availability': () =>
        apiError(400, 'VALIDATION_FAILED', 'weekly.1.end: Ends after the studio closes', {
          details: [{ path: 'weekly.1.end', message: 'Ends after the studio closes' }],
        }),
    });
    const { user } = renderApp('/app/studio/availability');

    await user.click(
      await screen.findByRole('button', { name: 'Save hours and rules' }, { timeout: 5_000 }),
    );

    const second = screen.getByRole('group', { name: 'Monday interval 2' });
    expect(await within(second).findByText('Ends after the studio closes')).toBeVisible();
    expect(within(second).getByLabelText('Monday interval 2 ends')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await waitFor(() =>
      expect(api.callsTo('PUT /api/photographers/me/availability')).toHaveLength(1),
    );
    expect(api.callsTo('PUT /api/photographers/me/availability')[0]!.body).toMatchObject({
      weekly: anAvailability().weekly,
    });
  });
});

describe('portfolio pictures', () => {
  const picture = (id: string) => ({
    id,
    caption: '',
    width: 800,
    height: 1000,
    thumbUrl: `/api/photographers/p/portfolio/${id}/image?size=thumb`,
    fullUrl: `/api/photographers/p/portfolio/${id}/image?size=full`,
  });

  it('asks before deleting a picture, keeps it on "Keep it", and says when it is gone', async () => {
    const api = fakeApi({
      ...studio,
      'GET /api/photographers/me': () =>
        json(200, aPhotographer({ portfolio: [picture('img-1'), picture('img-2')] })),
      'DELETE /api/photographers/me/portfolio/img-2': () => new Response(null, { status: 204 }),
    });
    const { user } = renderApp('/app/studio/profile');

    await user.click(
      await screen.findByRole('button', { name: 'Delete portfolio picture 2' }, { timeout: 5_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Delete portfolio picture 2?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('DELETE /api/photographers/me/portfolio/img-2')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete portfolio picture 2' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Delete the picture',
      }),
    );
    expect(await screen.findByText('Portfolio picture 2 deleted')).toBeVisible();
    expect(api.callsTo('DELETE /api/photographers/me/portfolio/img-2')).toHaveLength(1);
  });
});

describe('days off', () => {
  it('removes days off with a message that they are bookable again, and Undo puts them back', async () => {
    const dayOff = {
      id: 'off-1',
      startDate: '2099-12-24',
      endDate: '2099-12-26',
      note: 'Holidays',
    };
    const api = fakeApi({
      ...studio,
      'GET /api/photographers/me/availability': () =>
        json(200, anAvailability({ timeOff: [dayOff] })),
      'DELETE /api/photographers/me/time-off/off-1': () => new Response(null, { status: 204 }),
      'POST /api/photographers/me/time-off': () => json(201, { ...dayOff, id: 'off-2' }),
    });
    const { user } = renderApp('/app/studio/availability');

    await user.click(
      await screen.findByRole(
        'button',
        { name: 'Remove days off Thu, 24 Dec 2099 – Sat, 26 Dec 2099' },
        { timeout: 5_000 },
      ),
    );
    const message = await screen.findByText(/removed; clients can book them now/);
    expect(message).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(api.callsTo('POST /api/photographers/me/time-off')).toHaveLength(1));
    expect(api.callsTo('POST /api/photographers/me/time-off')[0]!.body).toEqual({
      startDate: '2099-12-24',
      endDate: '2099-12-26',
      note: 'Holidays',
    });
  });
});
