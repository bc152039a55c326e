import ICAL from 'ical.js';
import type { AppConfig } from '../../config/app-config';
import type { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import type { UsersService } from '../users/users.service';
import type { Booking } from './booking.entity';
import { BookingFeedService, FEED_PAST_DAYS } from './booking-feed.service';
import type { BookingsRepository } from './bookings.repository';
import { aBooking, aPhotographer } from './testing/booking-fakes';

const NOW = new Date('2030-06-01T09:00:00Z');

describe(BookingFeedService.name, () => {
  let rows: Booking[];
  let askedFrom: Date | null;
  let sut: BookingFeedService;

  beforeEach(() => {
    rows = [];
    askedFrom = null;
    const repository = {
      forCalendarFeed: (photographerId: string, from: Date) => {
        askedFrom = from;
        return Promise.resolve(rows.filter((b) => b.photographerId === photographerId));
      },
    } as unknown as BookingsRepository;
    const catalog = {
      profileOfUser: (userId: string) =>
        Promise.resolve(
          userId === aPhotographer.userId
            ? { id: 'studio-1', displayName: 'Lena Licht', studioAddress: 'Torstraße 1, Berlin' }
            : null,
        ),
    } as unknown as PhotographerCatalog;
    const users = {
      findByIds: () =>
        Promise.resolve([
          { id: 'client-1', name: 'Ann Client', email: 'ann@example.com', phone: '+49 30 9876543' },
        ]),
    } as unknown as UsersService;
    const config = { publicUrl: 'https://lensbridge.example' } as AppConfig;
    sut = new BookingFeedService(repository, catalog, users, config);
  });

  async function feed() {
    const ics = await sut.feedOf(aPhotographer.userId, NOW);
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => ({ event: new ICAL.Event(v), status: v.getFirstPropertyValue('status') }));
    return { ics, events };
  }

  it('asks for bookings from 90 days back', async () => {
    await feed();
    expect(askedFrom).toEqual(new Date(NOW.getTime() - FEED_PAST_DAYS * 86_400_000));
  });

  it.each([
    ['confirmed', 'CONFIRMED'],
    ['rescheduled', 'CONFIRMED'],
    ['completed', 'CONFIRMED'],
    ['delivered', 'CONFIRMED'],
    ['no_show', 'CONFIRMED'],
    ['requested', 'TENTATIVE'],
    ['declined', 'CANCELLED'],
    ['cancelled_by_client', 'CANCELLED'],
    ['cancelled_by_photographer', 'CANCELLED'],
  ] as const)('shows a %s booking as %s', async (status, shown) => {
    rows.push(aBooking({ status }));
    expect((await feed()).events.map((e) => e.status)).toEqual([shown]);
  });

  it("names the client and carries the brief and the booking link, never the client's contacts", async () => {
    const booking = aBooking({
      sequence: 4,
      brief: {
        useCase: null,
        style: 'professional',
        params: {} as never,
        findings: [],
        text: 'Style: Corporate\nBackdrop: soft grey',
      },
    });
    rows.push(booking);
    const { ics, events } = await feed();
    const { event } = events[0]!;
    expect(event.uid).toBe(`booking-${booking.id}@lensbridge`);
    expect(event.sequence).toBe(4);
    expect(event.summary).toBe('Headshot with Ann Client');
    expect(event.description).toContain('Backdrop: soft grey');
    expect(event.description).toContain(`https://lensbridge.example/app/bookings/${booking.id}`);
    expect(event.location).toBe('Torstraße 1, Berlin');
    expect(ics).not.toContain('ann@example.com');
    expect(ics).not.toContain('9876543');
  });

  it('gives an on-location session no studio address', async () => {
    const booking = aBooking();
    rows.push(aBooking({ price: { ...booking.price, location: 'on_location' } }));
    expect((await feed()).events[0]!.event.location).toBeNull();
  });

  it('is an empty calendar for a photographer without a profile', async () => {
    rows.push(aBooking());
    const ics = await sut.feedOf('someone-else', NOW);
    expect(ics).toContain('X-WR-CALNAME:Lensbridge');
    expect(ics).not.toContain('BEGIN:VEVENT');
  });
});
