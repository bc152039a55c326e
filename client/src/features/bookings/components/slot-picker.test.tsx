import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { PACKAGE_ID, PHOTOGRAPHER_ID, someSlots } from '@/testing/booking-factories';
import { fakeApi, json } from '@/testing/fake-api';
import { SlotPicker } from './slot-picker';

const SLOTS_ROUTE = `GET /api/photographers/${PHOTOGRAPHER_ID}/slots`;

function renderPicker(props: { viewerZone: string; now: string; initialDay?: string }) {
  function Harness() {
    const [selected, setSelected] = useState<string | null>(null);
    return (
      <SlotPicker
        photographerId={PHOTOGRAPHER_ID}
        packageId={PACKAGE_ID}
        studioTimeZone="Europe/Berlin"
        viewerZone={props.viewerZone}
        now={new Date(props.now)}
        initialDay={props.initialDay}
        selected={selected}
        onSelect={setSelected}
      />
    );
  }
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <Harness />
    </QueryClientProvider>,
  );
}

const timesOn = (day: string) =>
  within(screen.getByRole('region', { name: `Free times on ${day}` }))
    .getAllByRole('button')
    .map(nameOf);

/** A button's accessible name as read from its content: its text without aria-hidden parts. */
function nameOf(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('SlotPicker', () => {
  it("shows each free time in the viewer's zone and names the studio's", async () => {
    const api = fakeApi({
      [SLOTS_ROUTE]: () =>
        json(200, someSlots(['2026-03-03T08:00:00.000Z', '2026-03-03T13:30:00.000Z'])),
    });
    renderPicker({ viewerZone: 'America/New_York', now: '2026-03-02T15:00:00Z' });

    expect(
      await screen.findByRole('button', { name: '03:00 your time · 09:00 in Europe/Berlin' }),
    ).toBeVisible();
    expect(screen.getByText(/your time zone \(America\/New_York\)/)).toBeVisible();
    expect(timesOn('Tuesday, 3 March 2026')).toEqual([
      '03:00 your time · 09:00 in Europe/Berlin',
      '08:30 your time · 14:30 in Europe/Berlin',
    ]);
    // One request for the viewer's calendar month, from today: well inside the 93-day limit.
    const [call] = api.callsTo(SLOTS_ROUTE);
    expect(call!.query.get('packageId')).toBe(PACKAGE_ID);
    expect(call!.query.get('from')).toBe('2026-03-02T05:00:00.000Z');
    expect(call!.query.get('to')).toBe('2026-04-01T04:00:00.000Z');

    await userEvent.click(screen.getByRole('button', { name: /^08:30 your time/ }));
    expect(screen.getByRole('button', { name: /^08:30 your time/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Tue 3 Mar, 08:30 your time · 14:30 in Europe/Berlin',
    );
  });

  it('groups times by the viewer’s day across a spring-forward night (a 23-hour day)', async () => {
    fakeApi({
      [SLOTS_ROUTE]: () =>
        json(
          200,
          someSlots([
            '2026-03-08T04:30:00.000Z', // Sat 7 Mar 23:30 EST
            '2026-03-08T06:30:00.000Z', // Sun 01:30 EST
            '2026-03-08T07:30:00.000Z', // Sun 03:30 EDT: the clock skipped 02:00–03:00
            '2026-03-09T03:30:00.000Z', // Sun 23:30 EDT (Mon 04:30 in Berlin)
            '2026-03-09T04:30:00.000Z', // Mon 00:30 EDT
          ]),
        ),
    });
    renderPicker({
      viewerZone: 'America/New_York',
      now: '2026-03-02T15:00:00Z',
      initialDay: '2026-03-08',
    });

    expect(await screen.findByRole('heading', { name: 'Sunday, 8 March 2026' })).toBeVisible();
    expect(timesOn('Sunday, 8 March 2026')).toEqual([
      '01:30 your time · 07:30 in Europe/Berlin',
      '03:30 your time · 08:30 in Europe/Berlin',
      '23:30 your time · 04:30 Mon in Europe/Berlin',
    ]);
  });

  it('says when a day or a whole month has no free times, and moves on', async () => {
    const api = fakeApi({
      [SLOTS_ROUTE]: (call) =>
        json(
          200,
          someSlots(
            // March has one free time; April none.
            call.query.get('from')! < '2026-03-15' ? ['2026-03-05T09:00:00.000Z'] : [],
          ),
        ),
    });
    renderPicker({
      viewerZone: 'Europe/Berlin',
      now: '2026-03-02T08:00:00Z',
      initialDay: '2026-03-04',
    });

    expect(await screen.findByText('No free times on Wednesday, 4 March 2026')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Next free day: Thu 5 Mar' }));
    expect(timesOn('Thursday, 5 March 2026')).toEqual(['10:00 in Europe/Berlin']);

    await userEvent.click(await screen.findByRole('button', { name: /go to the next month/i }));
    expect(await screen.findByText('No free times in April')).toBeVisible();
    expect(api.callsTo(SLOTS_ROUTE).at(-1)!.query.get('from')).toBe('2026-03-31T22:00:00.000Z');
    expect(screen.getByRole('button', { name: 'Look at the next month' })).toBeEnabled();
  });
});

describe('SlotPicker calendar names', () => {
  it('names each calendar day starting with the number it shows (what is read matches what is seen)', async () => {
    fakeApi({
      [SLOTS_ROUTE]: () => json(200, someSlots(['2026-03-03T08:00:00.000Z'])),
    });
    renderPicker({ viewerZone: 'Europe/Berlin', now: '2026-03-02T09:00:00Z' });

    // Once the free times are in, the day with them says so.
    const day = await screen.findByRole('button', {
      name: /^3, Tuesday, 3 March 2026, (selected|free times)$/,
    });
    expect(day.textContent?.trim()).toBe('3');
    // Every day button's name begins with its visible number.
    const days = screen
      .getAllByRole('button')
      .filter((b) => /^\d+$/.test(b.textContent?.trim() ?? ''));
    expect(days.length).toBeGreaterThan(27);
    for (const button of days) {
      expect(button.getAttribute('aria-label')?.startsWith(`${button.textContent!.trim()}, `)).toBe(
        true,
      );
    }
  });
});
