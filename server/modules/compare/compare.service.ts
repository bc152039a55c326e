import { Inject, Injectable } from '@nestjs/common';
import type { CompareQuery } from '../../../shared/compare/compare.schema';
import type { ComparisonDto, DraftCreditDto } from '../../../shared/compare/compare.types';
import { USE_CASES, type UseCase } from '../../../shared/compare/use-cases';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthError } from '../auth/auth.errors';
import { DraftCreditsService } from '../bookings/draft-credits.service';
import { SlotsService } from '../bookings/slots.service';
import { DraftsService } from '../drafts/drafts.service';
import { PaymentsService } from '../payments/payments.service';
import { ZoneClock } from '../../../shared/photographers/local-time';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { compare, type DraftFacts, type StudioCandidate } from './domain/compare';
import { studiosForViewer } from './domain/studio-area';
import { CompareError } from './compare.errors';

/**
 * Median upload-to-ready time of the draft benchmark (`bench/drafts.bench.mjs` on a quiet 2-core machine, README), shown as
 * the AI turnaround when there is no draft of the caller's own to measure.
 */
export const DRAFT_BENCHMARK_MEDIAN_MS = 2600;

/** A listed photographer as the catalog gives it (the entity stays the photographers module's). */
type ListedProfile = Awaited<ReturnType<PhotographerCatalog['listedProfiles']>>[number];

/** Only this many photographers of the area (best rated first) are costed and scheduled. */
const MAX_PHOTOGRAPHERS_SCANNED = 12;

/**
 * Gathers the facts for the pure `compare` function: the caller's draft, packages, free slots.
 * At six collaborators already, so methods that need the time take `now` from the controller,
 * which reads `Clock`.
 */
@Injectable()
export class CompareService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly drafts: DraftsService,
    private readonly catalog: PhotographerCatalog,
    private readonly slots: SlotsService,
    private readonly payments: PaymentsService,
    private readonly credits: DraftCreditsService,
  ) {}

  async compare(auth: AuthContext | null, query: CompareQuery, now: Date): Promise<ComparisonDto> {
    const useCase = parseUseCase(query.useCase);
    const draft = query.draftId ? await this.draftFacts(auth, query.draftId) : null;
    const city = query.city ? query.city : null;
    const date = query.date ?? null;
    const { studios, area } = studiosForViewer(
      await this.catalog.listedProfiles(city ?? undefined),
      { city, viewerTimeZone: query.viewerTimeZone ?? null, now },
    );
    return compare({
      useCase,
      now,
      city,
      area,
      date,
      draft,
      benchmarkMedianMs: DRAFT_BENCHMARK_MEDIAN_MS,
      unlock: {
        priceCents: this.config.payments.draftUnlockPriceCents,
        currency: this.config.payments.currency.toUpperCase(),
        online: this.payments.providerName === 'stripe',
      },
      credit: await this.creditOf(auth, query.draftId, now),
      candidates: await this.candidates(studios, date, now),
    });
  }

  /** The caller's unlock credit: this draft's own if it has one, else the one expiring first. */
  private async creditOf(
    auth: AuthContext | null,
    draftId: string | undefined,
    now: Date,
  ): Promise<DraftCreditDto | null> {
    if (auth?.role !== 'client') return null;
    const credits = await this.credits.available(auth.userId, now);
    return credits.find((c) => c.draftId === draftId) ?? credits[0] ?? null;
  }

  private async draftFacts(auth: AuthContext | null, draftId: string): Promise<DraftFacts> {
    if (!auth) throw AuthError.unauthenticated('missing');
    const { draft, chosen: variant, readyMs } = await this.drafts.forComparison(auth, draftId);
    if (draft.status !== 'ready') throw CompareError.draftNotComparable(draft.status);
    // The look the client last adjusted or picked (else the professional one), as the brief uses.
    return {
      id: draft.id,
      variantId: variant?.id ?? null,
      style: variant?.style ?? null,
      params: variant?.params ?? null,
      previewUrl: variant?.previewUrl ?? null,
      width: variant?.width ?? null,
      height: variant?.height ?? null,
      turnaroundMs: readyMs,
      report: draft.report,
      unlocked: draft.unlocked,
    };
  }

  private async candidates(
    listed: ListedProfile[],
    date: string | null,
    now: Date,
  ): Promise<StudioCandidate[]> {
    const profiles = [...listed]
      .sort(
        (a, b) => (this.catalog.ratingOf(b).average ?? 0) - (this.catalog.ratingOf(a).average ?? 0),
      )
      .slice(0, MAX_PHOTOGRAPHERS_SCANNED);
    const packages = await this.catalog.activePackagesOf(profiles.map((p) => p.id));
    const candidates: StudioCandidate[] = [];
    for (const profile of profiles) {
      const from = date ? new Date(new ZoneClock(profile.timeZone).boundaryAt(date, 0)) : now;
      for (const pkg of packages.filter((p) => p.photographerId === profile.id)) {
        candidates.push({
          photographer: {
            id: profile.id,
            displayName: profile.displayName,
            city: profile.city,
            timeZone: profile.timeZone,
            styles: profile.styles,
            rating: this.catalog.ratingOf(profile),
          },
          pkg: { id: pkg.id, ...this.catalog.pricingOf(pkg) },
          earliestSlot: await this.slots.earliest(profile, pkg, now, from),
        });
      }
    }
    return candidates;
  }
}

function parseUseCase(given: string | undefined): UseCase {
  const useCase = USE_CASES.find((u) => u === given);
  if (!useCase) throw CompareError.unknownUseCase(given);
  return useCase;
}
