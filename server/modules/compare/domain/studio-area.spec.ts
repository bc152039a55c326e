import { type AreaAsked, studiosForViewer } from './studio-area';

const WINTER = new Date('2026-01-15T10:00:00Z');

const studio = (id: string, city: string, timeZone: string) => ({ id, city, timeZone });
const LISTED = [
  studio('b1', 'Berlin', 'Europe/Berlin'),
  studio('b2', 'Berlin', 'Europe/Berlin'),
  studio('m1', 'Munich', 'Europe/Berlin'),
  studio('s1', 'Sydney', 'Australia/Sydney'),
  studio('n1', 'New York', 'America/New_York'),
];

const ask = (overrides: Partial<AreaAsked>): AreaAsked => ({
  city: null,
  viewerTimeZone: null,
  now: WINTER,
  ...overrides,
});

describe(studiosForViewer.name, () => {
  it.each<[string, Partial<AreaAsked>, string[], string, string]>([
    [
      'the city chosen, whatever the zone',
      { city: 'sydney', viewerTimeZone: 'Europe/Berlin' },
      ['s1', 's1'],
      'city',
      'Showing studios in Sydney, the city you chose.',
    ],
    [
      'no city: the studios in the viewer’s zone, their cities named',
      { viewerTimeZone: 'Europe/Berlin' },
      ['b1', 'b2', 'm1'],
      'timeZone',
      'Showing studios near Berlin and Munich (your time zone).',
    ],
    [
      'no studio in the zone: the studios on the same clock now',
      { viewerTimeZone: 'Europe/Paris' },
      ['b1', 'b2', 'm1'],
      'sameClock',
      'No studios are listed in your time zone (Europe/Paris) yet; showing studios near Berlin and Munich, whose clocks read the same as yours.',
    ],
    [
      'nothing on the viewer’s clock: everywhere, and it says so',
      { viewerTimeZone: 'America/Chicago' },
      ['b1', 'b2', 'm1', 's1', 'n1'],
      'everywhere',
      'No studios are listed in or near your time zone (America/Chicago) yet, so these are the best rated anywhere; session times are shown in your time and the studio’s.',
    ],
    [
      'no city and no zone: everywhere',
      {},
      ['b1', 'b2', 'm1', 's1', 'n1'],
      'everywhere',
      'Showing the best-rated studios anywhere: choose a city to see studios near you.',
    ],
  ])('compares %s', (_name, asked, ids, basis, summary) => {
    // The catalog has already filtered by city when one is asked for.
    const listed = asked.city ? [LISTED[3]!, LISTED[3]!] : LISTED;
    const { studios, area } = studiosForViewer(listed, ask(asked));
    expect(studios.map((s) => s.id)).toEqual(ids);
    expect(area).toMatchObject({ basis, summary, viewerTimeZone: asked.viewerTimeZone ?? null });
    expect(area.widened).toBe(basis === 'everywhere' && Boolean(asked.viewerTimeZone));
  });

  it('follows the clocks through the year: Sydney is not on Tokyo’s clock in summer or winter', () => {
    const tokyo = { viewerTimeZone: 'Asia/Tokyo' };
    for (const now of [WINTER, new Date('2026-07-15T10:00:00Z')]) {
      expect(studiosForViewer(LISTED, ask({ ...tokyo, now })).area.basis).toBe('everywhere');
    }
    // Brisbane keeps +10 all year, so it shares Sydney's clock only in the southern winter.
    const brisbane = { viewerTimeZone: 'Australia/Brisbane' };
    expect(studiosForViewer(LISTED, ask({ ...brisbane, now: WINTER })).area.basis).toBe(
      'everywhere',
    );
    const july = studiosForViewer(LISTED, ask({ ...brisbane, now: new Date('2026-07-15T10:00Z') }));
    expect(july.area).toMatchObject({ basis: 'sameClock', cities: ['Sydney'] });
  });

  it('names at most three cities and counts the rest', () => {
    const many = ['Berlin', 'Bonn', 'Cologne', 'Dresden', 'Essen'].map((city, i) =>
      studio(`s${i}`, city, 'Europe/Berlin'),
    );
    const { area } = studiosForViewer(many, ask({ viewerTimeZone: 'Europe/Berlin' }));
    expect(area.summary).toBe(
      'Showing studios near Berlin, Bonn, Cologne and 2 more cities (your time zone).',
    );
  });

  it('says the city asked for even when nobody is listed there', () => {
    const { studios, area } = studiosForViewer([], ask({ city: 'Reykjavik' }));
    expect(studios).toEqual([]);
    expect(area).toMatchObject({ basis: 'city', cities: ['Reykjavik'] });
  });
});
