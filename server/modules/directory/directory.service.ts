import { Injectable } from '@nestjs/common';
import type { PhotographerSearch } from '../../../shared/photographers/photographers.schema';
import type {
  PhotographerListDto,
  PhotographerSummaryDto,
} from '../../../shared/photographers/photographers.types';
import { SlotsService } from '../bookings/slots.service';
import type { Package } from '../photographers/photographers.types';
import type { PhotographerProfile } from '../photographers/photographers.types';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { Clock } from '../../common/clock';

interface Candidate {
  summary: PhotographerSummaryDto;
  sortRating: number;
}

/**
 * The public photographer directory. Filters by city and style in SQL and memory, by price on
 * the cheapest active package, and by "free on a date" with the real slot function, so a card
 * never promises a time the profile will not offer.
 */
const NEXT_FREE_TTL_MS = 30_000;

@Injectable()
export class DirectoryService {
  constructor(
    private readonly catalog: PhotographerCatalog,
    private readonly slots: SlotsService,
    private readonly clock: Clock,
  ) {}

  /**
   * A card's "next free" is a hint (the profile page and the booking check the real slots), so it
   * is kept for half a minute: computing every photographer's calendar on each directory request
   * would make the directory the most expensive page of the site.
   */
  private readonly nextFreeCache = new Map<string, { until: number; value: Date | null }>();

  private async nextFree(
    profile: PhotographerProfile,
    pkg: Package,
    now: Date,
  ): Promise<Date | null> {
    const key = `${profile.id}:${pkg.id}`;
    const cached = this.nextFreeCache.get(key);
    if (cached && cached.until > now.getTime() && (!cached.value || cached.value > now))
      return cached.value;
    const value = await this.slots.earliest(profile, pkg, now);
    if (this.nextFreeCache.size > 10_000) this.nextFreeCache.clear();
    this.nextFreeCache.set(key, { until: now.getTime() + NEXT_FREE_TTL_MS, value });
    return value;
  }

  async search(query: PhotographerSearch): Promise<PhotographerListDto> {
    const now = this.clock.now();
    const profiles = (await this.catalog.listedProfiles(query.city || undefined)).filter(
      (p) => !query.style || p.styles.includes(query.style),
    );
    const ids = profiles.map((p) => p.id);
    const [packages, covers] = await Promise.all([
      this.catalog.activePackagesOf(ids),
      this.catalog.coverImages(ids),
    ]);
    const candidates: Candidate[] = [];
    for (const profile of profiles) {
      const offered = packages.filter(
        (p) =>
          p.photographerId === profile.id &&
          (query.maxPriceCents === undefined || p.priceCents <= query.maxPriceCents),
      );
      const cheapest: Package | undefined = offered[0];
      if (!cheapest && query.maxPriceCents !== undefined) continue;
      if (
        query.date &&
        (!cheapest || !(await this.slots.freeOn(profile, cheapest, query.date, now)))
      ) {
        continue;
      }
      const next = cheapest ? await this.nextFree(profile, cheapest, now) : null;
      const cover = covers.find((image) => image.photographerId === profile.id);
      const rating = this.catalog.ratingOf(profile);
      candidates.push({
        sortRating: rating.average ?? -1,
        summary: {
          id: profile.id,
          displayName: profile.displayName,
          city: profile.city,
          timeZone: profile.timeZone,
          styles: profile.styles,
          coverImageUrl: cover ? this.catalog.portfolioImageUrl(cover, 'thumb') : null,
          fromPriceCents: cheapest?.priceCents ?? null,
          currency: cheapest?.currency ?? null,
          rating,
          nextFreeSlot: next?.toISOString() ?? null,
        },
      });
    }
    candidates.sort(comparator(query.sort));
    const start = (query.page - 1) * query.pageSize;
    return {
      items: candidates.slice(start, start + query.pageSize).map((c) => c.summary),
      page: query.page,
      pageSize: query.pageSize,
      total: candidates.length,
    };
  }
}

function comparator(sort: PhotographerSearch['sort']): (a: Candidate, b: Candidate) => number {
  const last = Number.MAX_SAFE_INTEGER;
  const byName = (a: Candidate, b: Candidate) =>
    a.summary.displayName.localeCompare(b.summary.displayName);
  if (sort === 'price') {
    return (a, b) =>
      (a.summary.fromPriceCents ?? last) - (b.summary.fromPriceCents ?? last) || byName(a, b);
  }
  if (sort === 'rating') {
    return (a, b) =>
      b.sortRating - a.sortRating ||
      b.summary.rating.count - a.summary.rating.count ||
      byName(a, b);
  }
  const time = (c: Candidate) =>
    c.summary.nextFreeSlot ? Date.parse(c.summary.nextFreeSlot) : last;
  return (a, b) => time(a) - time(b) || byName(a, b);
}
