import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PackageInput } from '@shared/photographers/photographers.schema';
import { aPackage, aPhotographer } from '@/testing/booking-factories';
import { aSession } from '@/testing/factories';
import { fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

function studioWith(packages = [aPackage()]) {
  return fakeApi({
    'GET /api/auth/me': () => json(200, aSession({ role: 'photographer' })),
    'GET /api/photographers/me': () => json(200, aPhotographer({ packages })),
    'POST /api/photographers/me/packages': (call) =>
      json(201, aPackage({ id: 'new', ...(call.body as Partial<PackageInput>) })),
  });
}

function browserSpeaks(locale: string) {
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(locale);
}

async function openNewPackage() {
  const view = renderApp('/app/studio/packages');
  await view.user.click(await screen.findByRole('button', { name: 'Add a package' }));
  await view.user.type(screen.getByLabelText('Name'), 'Portrait');
  return view;
}

describe('package prices', () => {
  it('reads "79,50" from a German browser as €79.50 and shows it before saving', async () => {
    browserSpeaks('de-DE');
    const api = studioWith();
    const { user } = await openNewPackage();

    const price = screen.getByLabelText('Price');
    await user.type(price, '79,50');
    expect(screen.getByText('= 79,50 €')).toBeVisible();
    expect(price).toHaveAccessibleDescription(/^= 79,50\s€$/);
    await user.click(screen.getByRole('button', { name: 'Add package' }));

    await waitFor(() => expect(api.callsTo('POST /api/photographers/me/packages')).toHaveLength(1));
    expect(api.callsTo('POST /api/photographers/me/packages')[0]!.body).toMatchObject({
      priceCents: 7_950,
      currency: 'EUR',
      deposit: { kind: 'percent', percent: 30 },
      extraImagePriceCents: 0,
    });
  });

  it('refuses an empty price with a message on the field and saves nothing', async () => {
    browserSpeaks('de-DE');
    const api = studioWith();
    const { user } = await openNewPackage();

    await user.click(screen.getByRole('button', { name: 'Add package' }));
    const price = screen.getByLabelText('Price');
    expect(
      await screen.findByText('Enter the price — or tick “Free session” if it costs nothing'),
    ).toBeVisible();
    expect(price).toHaveAttribute('aria-invalid', 'true');
    expect(price).toHaveFocus();
    expect(api.callsTo('POST /api/photographers/me/packages')).toHaveLength(0);
  });

  it('says an ambiguous "1,500" could be 1.5 or 1500 and saves nothing', async () => {
    browserSpeaks('de-DE');
    const api = studioWith();
    const { user } = await openNewPackage();

    await user.type(screen.getByLabelText('Price'), '1,500');
    await user.click(screen.getByRole('button', { name: 'Add package' }));
    expect(
      await screen.findByText('“1,500” could be 1,5 or 1500 — write 1500 or 1,50'),
    ).toBeVisible();
    expect(api.callsTo('POST /api/photographers/me/packages')).toHaveLength(0);

    // Fixing it clears the message as they type and shows the amount instead.
    await user.clear(screen.getByLabelText('Price'));
    await user.type(screen.getByLabelText('Price'), '1500');
    expect(screen.queryByText(/could be/)).toBeNull();
    expect(screen.getByText('= 1.500,00 €')).toBeVisible();
  });

  it('reads an English browser’s "1,500.00" as fifteen hundred', async () => {
    browserSpeaks('en-US');
    const api = studioWith();
    const { user } = await openNewPackage();

    await user.type(screen.getByLabelText('Price'), '1,500.00');
    expect(screen.getByText('= €1,500.00')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add package' }));
    await waitFor(() => expect(api.callsTo('POST /api/photographers/me/packages')).toHaveLength(1));
    expect(api.callsTo('POST /api/photographers/me/packages')[0]!.body).toMatchObject({
      priceCents: 150_000,
    });
  });

  it('takes a price of 0 only as an explicit free session, and lists it as free', async () => {
    browserSpeaks('en-GB');
    const api = studioWith([
      aPackage({ id: 'free', name: 'Mini', priceCents: 0, depositCents: 0 }),
    ]);
    const { user } = await openNewPackage();

    await user.type(screen.getByLabelText('Price'), '0');
    await user.click(screen.getByRole('button', { name: 'Add package' }));
    expect(
      await screen.findByText(
        'A price of 0 is a free session: tick “Free session”, or enter a price',
      ),
    ).toBeVisible();
    expect(api.callsTo('POST /api/photographers/me/packages')).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: 'Free session (no charge)' }));
    expect(screen.getByText('Free — clients pay nothing for the session')).toBeVisible();
    expect(screen.queryByRole('group', { name: 'Deposit' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add package' }));
    await waitFor(() => expect(api.callsTo('POST /api/photographers/me/packages')).toHaveLength(1));
    expect(api.callsTo('POST /api/photographers/me/packages')[0]!.body).toMatchObject({
      priceCents: 0,
      deposit: { kind: 'percent', percent: 0 },
    });

    const list = screen.getByRole('list', { name: 'Your packages' });
    expect(within(list).getByText('Free session')).toBeVisible();
  });

  it('keeps extra images and travel at an explicit 0 and says what 0 means', async () => {
    browserSpeaks('de-DE');
    const api = studioWith();
    const { user } = await openNewPackage();

    await user.type(screen.getByLabelText('Price'), '120');
    expect(screen.getByText(/extra images are free/)).toBeVisible();
    await user.click(screen.getByRole('radio', { name: "At the client's location" }));
    expect(screen.getByText(/no travel fee/)).toBeVisible();
    await user.clear(screen.getByLabelText('Travel fee'));
    await user.click(screen.getByRole('button', { name: 'Add package' }));
    expect(
      await screen.findByText('Enter the travel fee — 0 if you do not charge for travel'),
    ).toBeVisible();
    await user.type(screen.getByLabelText('Travel fee'), '35,5');
    expect(screen.getByText('= 35,50 €')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add package' }));
    await waitFor(() => expect(api.callsTo('POST /api/photographers/me/packages')).toHaveLength(1));
    expect(api.callsTo('POST /api/photographers/me/packages')[0]!.body).toMatchObject({
      priceCents: 12_000,
      travelFeeCents: 3_550,
      location: 'on_location',
    });
  });

  it('refuses a fixed deposit above the price', async () => {
    browserSpeaks('en-GB');
    const api = studioWith();
    const { user } = await openNewPackage();

    await user.type(screen.getByLabelText('Price'), '80');
    await user.click(screen.getByRole('radio', { name: 'Fixed amount' }));
    await user.type(screen.getByLabelText('Deposit amount'), '100');
    await user.click(screen.getByRole('button', { name: 'Add package' }));
    expect(
      await screen.findByText('A deposit can be at most what the client pays (€80.00)'),
    ).toBeVisible();
    expect(api.callsTo('POST /api/photographers/me/packages')).toHaveLength(0);
  });

  it('shows an existing price the way the photographer writes numbers', async () => {
    browserSpeaks('de-DE');
    studioWith([aPackage({ priceCents: 7_950, extraImagePriceCents: 2_500 })]);
    const { user } = renderApp('/app/studio/packages');
    await user.click(await screen.findByRole('button', { name: /^Edit / }));
    expect(screen.getByLabelText('Price')).toHaveValue('79,50');
    expect(screen.getByLabelText('Price per extra image')).toHaveValue('25');
  });
});

describe('pausing a package', () => {
  it('asks first, pauses on confirmation, says so with an Undo, and keeps the list in one order', async () => {
    let packages = [
      aPackage({ id: 'p-b', name: 'Business headshot' }),
      aPackage({ id: 'p-a', name: 'Actor portfolio' }),
    ];
    const api = fakeApi({
      'GET /api/auth/me': () => json(200, aSession({ role: 'photographer' })),
      'GET /api/photographers/me': () => json(200, aPhotographer({ packages })),
      'PATCH /api/photographers/me/packages/p-b': (call) => {
        const active = (call.body as { active: boolean }).active;
        packages = packages.map((p) => (p.id === 'p-b' ? { ...p, active } : p));
        return json(
          200,
          packages.find((p) => p.id === 'p-b'),
        );
      },
    });
    const { user } = renderApp('/app/studio/packages');
    const names = () =>
      within(screen.getByRole('list', { name: 'Your packages' }))
        .getAllByRole('heading')
        .map((h) => h.textContent?.replace(/(Offered|Paused)$/, '').trim());

    await user.click(await screen.findByRole('button', { name: 'Pause Business headshot' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pause Business headshot?' });
    expect(api.callsTo('PATCH /api/photographers/me/packages/p-b')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Pause the package' }));

    expect(
      await screen.findByText('Business headshot is paused: clients can no longer book it.'),
    ).toBeVisible();
    await screen.findByRole('button', { name: 'Offer Business headshot again' });
    // Paused, it stays where it was: the list is ordered by name, not by state.
    expect(names()).toEqual(['Actor portfolio', 'Business headshot']);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByRole('button', { name: 'Pause Business headshot' });
    expect(api.callsTo('PATCH /api/photographers/me/packages/p-b').map((c) => c.body)).toEqual([
      { active: false },
      { active: true },
    ]);
  });
});
