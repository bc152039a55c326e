import type { StudioAreaDto } from '../../../../shared/compare/compare.types';
import { listOf } from '../../../../shared/compare/wording';
import { ZoneClock } from '../../../../shared/photographers/local-time';

/*
 * Which studios to compare when the viewer has not chosen a city. The best rated anywhere put
 * studios on another continent at 05:00 the viewer's time, so the viewer's zone goes first:
 * studios in that zone; else studios whose clocks read the same now (Paris for Berlin); else
 * everywhere, and the summary says the zone matched nothing rather than pretending.
 */

export interface ListedStudio {
  city: string;
  timeZone: string;
}

export interface AreaAsked {
  /** The city asked for; the studios given are already that city's. */
  city: string | null;
  viewerTimeZone: string | null;
  now: Date;
}

/** At most this many cities are named in the summary; more are counted. */
const CITIES_NAMED = 3;

export function studiosForViewer<T extends ListedStudio>(
  listed: T[],
  asked: AreaAsked,
): { studios: T[]; area: StudioAreaDto } {
  const { city, viewerTimeZone } = asked;
  if (city) {
    return {
      studios: listed,
      area: {
        basis: 'city',
        viewerTimeZone,
        cities: [listed[0]?.city ?? city],
        widened: false,
        summary: `Showing studios in ${listed[0]?.city ?? city}, the city you chose.`,
      },
    };
  }
  if (viewerTimeZone) {
    const sameZone = listed.filter((s) => s.timeZone === viewerTimeZone);
    if (sameZone.length) {
      const cities = citiesOf(sameZone);
      return {
        studios: sameZone,
        area: {
          basis: 'timeZone',
          viewerTimeZone,
          cities,
          widened: false,
          summary: `Showing studios ${near(cities)} (your time zone).`,
        },
      };
    }
    const viewerOffset = offsetAt(viewerTimeZone, asked.now);
    const sameClock =
      viewerOffset === null
        ? []
        : listed.filter((s) => offsetAt(s.timeZone, asked.now) === viewerOffset);
    if (sameClock.length) {
      const cities = citiesOf(sameClock);
      return {
        studios: sameClock,
        area: {
          basis: 'sameClock',
          viewerTimeZone,
          cities,
          widened: false,
          summary: `No studios are listed in your time zone (${viewerTimeZone}) yet; showing studios ${near(cities)}, whose clocks read the same as yours.`,
        },
      };
    }
  }
  return {
    studios: listed,
    area: {
      basis: 'everywhere',
      viewerTimeZone,
      cities: [],
      widened: viewerTimeZone !== null,
      summary: viewerTimeZone
        ? `No studios are listed in or near your time zone (${viewerTimeZone}) yet, so these are the best rated anywhere; session times are shown in your time and the studio’s.`
        : 'Showing the best-rated studios anywhere: choose a city to see studios near you.',
    },
  };
}

/** Cities by how many studios they have, most first (the name breaks a tie). */
function citiesOf(studios: ListedStudio[]): string[] {
  const counts = new Map<string, number>();
  for (const s of studios) counts.set(s.city, (counts.get(s.city) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a, ca], [b, cb]) => cb - ca || a.localeCompare(b))
    .map(([city]) => city);
}

function near(cities: string[]): string {
  if (cities.length <= CITIES_NAMED) return `near ${listOf(cities)}`;
  return `near ${cities.slice(0, CITIES_NAMED).join(', ')} and ${cities.length - CITIES_NAMED} more cities`;
}

function offsetAt(zone: string, now: Date): number | null {
  return ZoneClock.isValidZone(zone) ? new ZoneClock(zone).offsetAt(now.getTime()) : null;
}
