import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type {
  BookingListQuery,
  CreateBookingInput,
} from '../../../shared/bookings/bookings.schema';
import {
  ACTIVE_BOOKING_STATUSES,
  type AuditEventDto,
  type BookingAction,
  type BookingLedgerDto,
  type BookingDto,
  type CancellationPreviewDto,
  type PolicySnapshot,
  type PriceSnapshot,
} from '../../../shared/bookings/bookings.types';
import { priceBooking } from '../../../shared/bookings/pricing';
import type { Page } from '../../../shared/admin/admin.types';
import type { RescheduleSlotsQuery } from '../../../shared/photographers/photographers.schema';
import type { SlotsDto } from '../../../shared/photographers/photographers.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { chosenVariant } from '../drafts/domain/chosen-variant';
import { DraftError } from '../drafts/drafts.errors';
import { DraftsRepository } from '../drafts/drafts.repository';
import { BlobStorageGateway } from '../media/blob-storage.gateway';
import { blockedRange } from '../photographers/domain/slots';
import { PhotographerCatalog } from '../photographers/photographer-catalog.service';
import { pricedPackage } from '../photographers/photographers.mappers';
import { UsersService } from '../users/users.service';
import { Booking } from './booking.entity';
import { type BriefSnapshot, briefSnapshot } from './booking-brief';
import { DraftCredit } from './draft-credit.entity';
import { DraftCreditsService } from './draft-credits.service';
import { BookingWriter, type NewAuditEvent } from './booking-writer';
import { BookingError } from './bookings.errors';
import { type BookingParties, subjectOf, toAuditEventDto, toBookingDto } from './bookings.mappers';
import { BookingsRepository } from './bookings.repository';
import { type BookingActor, decideTransition } from './domain/booking-state-machine';
import { refundForCancellation } from './domain/refund';
import { BookingPaymentsService } from './booking-payments.service';
import { SlotsService } from './slots.service';

/** How long a held slot waits for checkout (docs/design.md §4). */
export const HOLD_MINUTES = 15;

/** The booking lifecycle: load → decide (pure state machine) → write with an audit event. */
@Injectable()
export class BookingsService {
  private readonly logger = new Logger(BookingsService.name);

  constructor(
    private readonly repository: BookingsRepository,
    private readonly writer: BookingWriter,
    private readonly catalog: PhotographerCatalog,
    private readonly slots: SlotsService,
    private readonly users: UsersService,
    private readonly payments: BookingPaymentsService,
    private readonly drafts: DraftsRepository,
    private readonly blobs: BlobStorageGateway,
    private readonly credits: DraftCreditsService,
  ) {}

  async hold(auth: AuthContext, input: CreateBookingInput, now = new Date()): Promise<BookingDto> {
    const { profile, pkg } = await this.catalog.bookableOffer(input.packageId);
    const startsAt = new Date(input.startsAt);
    await this.slots.assertBookable(profile, pkg, startsAt, now);
    const policy: PolicySnapshot = {
      bookingMode: profile.bookingMode,
      cancellationTiers: profile.cancellationTiers,
      rescheduleCutoffHours: profile.rescheduleCutoffHours,
      bufferBeforeMinutes: profile.bufferBeforeMinutes,
      bufferAfterMinutes: profile.bufferAfterMinutes,
      timeZone: profile.timeZone,
    };
    const id = randomUUID();
    // Everything is checked before anything is written: the brief and the credit go in with
    // the booking's own insert, or nothing does.
    const notes = input.notes?.length ? input.notes : null;
    const brief = input.draftId ? await this.briefFor(auth, input, notes) : null;
    const pricedPkg = pricedPackage(pkg);
    const credit = input.creditDraftId
      ? await this.creditFor(auth, input.creditDraftId, id, priceBooking(pricedPkg), now)
      : null;
    const price = priceBooking(pricedPkg, credit);
    const booking = Object.assign(new Booking(), {
      id,
      clientId: auth.userId,
      photographerId: profile.id,
      packageId: pkg.id,
      status: 'held',
      ...blockedRange(startsAt, pkg.durationMinutes, policy),
      holdExpiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
      timeZone: profile.timeZone,
      clientTimeZone: input.clientTimeZone ?? null,
      price,
      policy,
      paymentProvider: this.payments.providerName,
      paymentStatus: 'not_started',
      amountPaidCents: 0,
      amountRefundedCents: 0,
      payUrl: null,
      notes,
      draftId: brief ? brief.draftId : null,
      draftVariantId: brief ? brief.variantId : null,
      brief: brief ? brief.snapshot : null,
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    } satisfies Partial<Booking>);
    const details = credit ? { draftCreditCents: credit.amountCents } : null;
    await this.writer.insert(booking, eventOf(auth, 'hold', null, 'held', details), now, credit);
    return this.describe(booking, 'client', now);
  }

  /** The draft credit a new booking takes (written with it), or why it cannot have one. */
  private async creditFor(
    auth: AuthContext,
    draftId: string,
    bookingId: string,
    fullPrice: PriceSnapshot,
    now: Date,
  ): Promise<DraftCredit> {
    const decision = await this.credits.decide({
      clientId: auth.userId,
      draftId,
      draftOwned: (await this.drafts.findOwnedDraft(auth.userId, draftId)) !== null,
      currency: fullPrice.currency,
      totalCents: fullPrice.totalCents,
      now,
    });
    if (!decision.ok) {
      if (decision.code === 'DRAFT_NOT_FOUND') throw DraftError.notFound();
      throw BookingError.credit(decision.code, decision.message);
    }
    return Object.assign(new DraftCredit(), {
      id: randomUUID(),
      paymentId: decision.paymentId,
      draftId: decision.draftId,
      bookingId,
      clientId: auth.userId,
      amountCents: decision.amountCents,
      currency: fullPrice.currency,
      createdAt: now,
    });
  }

  /**
   * The brief from the client's own ready draft: the variant they named (ready), else the draft's
   * chosen look (the one last adjusted or picked; the professional one when none). Someone
   * else's draft is DRAFT_NOT_FOUND, never revealed.
   */
  private async briefFor(
    auth: AuthContext,
    input: CreateBookingInput,
    notes: string | null,
  ): Promise<{ draftId: string; variantId: string; snapshot: BriefSnapshot }> {
    const draft = await this.drafts.findOwnedDraft(auth.userId, input.draftId!);
    if (!draft) throw DraftError.notFound();
    if (draft.status !== 'ready') throw BookingError.draftNotUsable(draft.status);
    const variants = await this.drafts.variantsOf([draft.id]);
    const variant = input.draftVariantId
      ? variants.find((v) => v.id === input.draftVariantId && v.status === 'ready')
      : chosenVariant(draft.chosenVariantId, variants);
    if (!variant) throw DraftError.variantNotFound();
    return {
      draftId: draft.id,
      variantId: variant.id,
      snapshot: briefSnapshot({
        style: variant.style,
        params: variant.params,
        report: draft.report,
        useCase: input.useCase ?? null,
        notes,
      }),
    };
  }

  /**
   * The chosen variant's watermarked preview (never the HD image), for the booking's client,
   * its photographer and admins, while the draft exists.
   */
  async briefPreview(auth: AuthContext, id: string, now = new Date()): Promise<Readable> {
    const { booking } = await this.load(auth, id, now);
    if (!booking.draftId || !booking.draftVariantId) throw BookingError.briefNotFound();
    const variant = await this.drafts.findVariant(booking.draftId, booking.draftVariantId);
    if (!variant?.previewBlobKey || variant.status !== 'ready') throw BookingError.briefNotFound();
    // The draft's files go first when it is deleted; its rows follow a moment later.
    if (!(await this.blobs.exists(variant.previewBlobKey))) throw BookingError.briefNotFound();
    return this.blobs.open(variant.previewBlobKey);
  }

  async list(
    auth: AuthContext,
    query: BookingListQuery,
    now = new Date(),
  ): Promise<Page<BookingDto>> {
    await this.expireLapsedHolds(now);
    const scope = await this.scopeOf(auth);
    const [items, total] = await this.repository.page({ ...scope, ...query });
    const actor: BookingActor = auth.role === 'admin' ? 'admin' : (auth.role as BookingActor);
    const dtos = await Promise.all(items.map((b) => this.describe(b, actor, now)));
    return { items: dtos, page: query.page, pageSize: query.pageSize, total };
  }

  /** The caller's bookings still in play (held, requested, confirmed, rescheduled), soonest first. */
  async openBookings(auth: AuthContext, now = new Date()): Promise<BookingDto[]> {
    await this.expireLapsedHolds(now);
    const scope = await this.scopeOf(auth);
    const [items] = await this.repository.page({
      ...scope,
      statuses: ACTIVE_BOOKING_STATUSES,
      page: 1,
      pageSize: 10_000,
    });
    const actor: BookingActor = auth.role === 'admin' ? 'admin' : (auth.role as BookingActor);
    return Promise.all(items.map((b) => this.describe(b, actor, now)));
  }

  async get(auth: AuthContext, id: string, now = new Date()): Promise<BookingDto> {
    const { booking, actor } = await this.load(auth, id, now);
    return this.describe(booking, actor, now);
  }

  async history(auth: AuthContext, id: string): Promise<AuditEventDto[]> {
    const { booking } = await this.load(auth, id, new Date());
    return (await this.repository.eventsOf(booking.id)).map(toAuditEventDto);
  }

  /** confirm · approve · decline · complete · no_show · cancel: one path through the machine. */
  async act(
    auth: AuthContext,
    id: string,
    action: Exclude<BookingAction, 'reschedule' | 'expire' | 'deliver'>,
    now = new Date(),
    reason?: string,
  ): Promise<BookingDto> {
    const { booking, actor } = await this.load(auth, id, now);
    const nothingToPay = booking.price.totalCents === 0;
    if (action === 'confirm' && actor === 'client' && this.payments.online && !nothingToPay) {
      // With online payments the held slot is confirmed by the payment itself; a booking a draft
      // credit (or a free package) brought to zero has nothing to pay and is confirmed directly.
      throw BookingError.paymentRequired();
    }
    const decision = decideTransition(subjectOf(booking), action, actor, now);
    if (!decision.ok) throw BookingError.transition(decision.code, decision.message);
    const patch: Partial<Booking> = {
      status: decision.to,
      updatedAt: now,
      sequence: booking.sequence + 1,
    };
    let details: Record<string, unknown> | null = null;
    if (decision.to === 'confirmed' || decision.to === 'requested') patch.holdExpiresAt = null;
    // With the manual provider the price is due at the studio once the booking is confirmed;
    // online, a confirmation without a payment means there was nothing to pay.
    if (decision.to === 'confirmed' && (!this.payments.online || nothingToPay)) {
      patch.paymentStatus = this.payments.online ? 'paid' : 'due_at_studio';
    }
    if (action === 'decline' && reason) details = { reason };
    if (action === 'cancel') {
      const refund = cancellationRefund(booking, actor, now);
      details = { refundPercent: refund.refundPercent, refundCents: refund.refundCents };
    }
    await this.commit(
      booking,
      patch,
      eventOf(auth, action, booking.status, decision.to, details),
      false,
      now,
    );
    return this.get(auth, id, now);
  }

  /** The photographer delivered the finals (called by the gallery module once they are all in). */
  async markDelivered(auth: AuthContext, id: string, now = new Date()): Promise<BookingDto> {
    const { booking, actor } = await this.load(auth, id, now);
    const decision = decideTransition(subjectOf(booking), 'deliver', actor, now);
    if (!decision.ok) throw BookingError.transition(decision.code, decision.message);
    const patch = { status: decision.to, updatedAt: now, sequence: booking.sequence + 1 };
    const event = eventOf(auth, 'deliver', booking.status, decision.to);
    await this.commit(booking, patch, event, false, now);
    return this.get(auth, id, now);
  }

  /**
   * Where the booking can move: the free times of its package, counting its own current time as
   * free (moving 30 minutes later may overlap where it is now).
   */
  async rescheduleSlots(
    auth: AuthContext,
    id: string,
    query: RescheduleSlotsQuery,
    now = new Date(),
  ): Promise<SlotsDto> {
    const { booking } = await this.load(auth, id, now);
    return this.slots.slots(
      booking.photographerId,
      { ...query, packageId: booking.packageId },
      now,
      booking.id,
    );
  }

  async reschedule(
    auth: AuthContext,
    id: string,
    startsAtIso: string,
    now = new Date(),
  ): Promise<BookingDto> {
    const { booking, actor } = await this.load(auth, id, now);
    const decision = decideTransition(subjectOf(booking), 'reschedule', actor, now);
    if (!decision.ok) throw BookingError.transition(decision.code, decision.message);
    const { profile, pkg } = await this.catalog.bookableOffer(
      booking.packageId,
      booking.photographerId,
    );
    const startsAt = new Date(startsAtIso);
    await this.slots.assertBookable(profile, pkg, startsAt, now, booking.id);
    // The session keeps its booked length and buffers, whatever the package says today.
    const range = blockedRange(startsAt, booking.price.durationMinutes, booking.policy);
    const event = eventOf(auth, 'reschedule', booking.status, decision.to, {
      previousStartsAt: booking.startsAt.toISOString(),
      startsAt: startsAt.toISOString(),
    });
    await this.commit(
      booking,
      { ...range, status: decision.to, updatedAt: now, sequence: booking.sequence + 1 },
      event,
      true,
      now,
    );
    return this.get(auth, id, now);
  }

  async cancellationPreview(
    auth: AuthContext,
    id: string,
    now = new Date(),
  ): Promise<CancellationPreviewDto> {
    const { booking, actor } = await this.load(auth, id, now);
    const decision = decideTransition(subjectOf(booking), 'cancel', actor, now);
    const refund = cancellationRefund(booking, actor, now);
    return {
      allowed: decision.ok,
      reason: decision.ok ? null : decision.code,
      refundPercent: refund.refundPercent,
      refundCents: refund.refundCents,
      amountPaidCents: booking.amountPaidCents,
      currency: booking.price.currency,
      hoursBeforeStart: refund.hoursBeforeStart,
      tierLabel: refund.tierLabel,
    };
  }

  /** Marks every lapsed hold expired, with an audit event each. Called on reads and by a timer. */
  async expireLapsedHolds(now = new Date()): Promise<number> {
    let expired = 0;
    for (const booking of await this.repository.lapsedHolds(now)) {
      const applied = await this.writer.apply(
        {
          id: booking.id,
          from: 'held',
          patch: { status: 'expired', updatedAt: now, sequence: booking.sequence + 1 },
          event: {
            action: 'expire',
            fromStatus: 'held',
            toStatus: 'expired',
            actorId: null,
            actorRole: 'system',
            details: null,
          },
          movesRange: false,
        },
        now,
      );
      if (applied) expired += 1;
    }
    if (expired > 0) this.logger.log(`Expired ${expired} lapsed hold(s)`);
    return expired;
  }

  /** The booking and the caller's part in it; anyone else gets 404, never 403. */
  async load(
    auth: AuthContext,
    id: string,
    now: Date,
  ): Promise<{ booking: Booking; actor: BookingActor }> {
    let booking = await this.repository.findById(id);
    if (!booking) throw BookingError.notFound();
    const actor = await this.actorFor(auth, booking);
    if (!actor) throw BookingError.notFound();
    if (booking.status === 'held' && booking.holdExpiresAt && booking.holdExpiresAt <= now) {
      await this.expireLapsedHolds(now);
      booking = (await this.repository.findById(id)) ?? booking;
    }
    return { booking, actor };
  }

  async describe(booking: Booking, actor: BookingActor, now: Date): Promise<BookingDto> {
    return toBookingDto(booking, await this.partiesOf(booking), actor, now);
  }

  private async commit(
    booking: Booking,
    patch: Partial<Booking>,
    event: NewAuditEvent,
    movesRange: boolean,
    now: Date,
  ): Promise<void> {
    const applied = await this.writer.apply(
      { id: booking.id, from: booking.status, patch, event, movesRange },
      now,
    );
    if (!applied) {
      throw BookingError.transition(
        'BOOKING_CHANGED',
        'This booking was changed at the same moment. Reload it and try again.',
      );
    }
    await this.payments.afterTransition(booking.id, event);
  }

  /** Opens the hosted payment page for a held booking (online payments only). */
  async checkout(auth: AuthContext, id: string, now = new Date()): Promise<{ url: string }> {
    const { booking, actor } = await this.load(auth, id, now);
    if (actor !== 'client') throw BookingError.notFound();
    return this.payments.startCheckout(booking, now);
  }

  async ledger(auth: AuthContext, id: string): Promise<BookingLedgerDto> {
    const { booking } = await this.load(auth, id, new Date());
    return this.payments.ledgerOf(booking);
  }

  private async actorFor(auth: AuthContext, booking: Booking): Promise<BookingActor | null> {
    if (auth.role === 'admin') return 'admin';
    if (auth.role === 'client') return booking.clientId === auth.userId ? 'client' : null;
    const profile = await this.catalog.profileOfUser(auth.userId);
    return profile?.id === booking.photographerId ? 'photographer' : null;
  }

  private async scopeOf(
    auth: AuthContext,
  ): Promise<{ clientId?: string; photographerId?: string }> {
    if (auth.role === 'admin') return {};
    if (auth.role === 'client') return { clientId: auth.userId };
    const profile = await this.catalog.profileOfUser(auth.userId);
    // A photographer without a profile has no bookings; an impossible id matches none.
    return { photographerId: profile?.id ?? '00000000-0000-0000-0000-000000000000' };
  }

  private async partiesOf(booking: Booking): Promise<BookingParties> {
    const [profile, client] = await Promise.all([
      this.catalog.profileById(booking.photographerId),
      this.users.findById(booking.clientId),
    ]);
    return {
      photographer: {
        id: booking.photographerId,
        name: profile?.displayName ?? 'Photographer',
        city: profile?.city ?? '',
        studioAddress: profile?.studioAddress ?? null,
      },
      client: { id: booking.clientId, name: client?.name ?? 'Client' },
    };
  }
}

function eventOf(
  auth: AuthContext,
  action: string,
  fromStatus: string | null,
  toStatus: string,
  details: Record<string, unknown> | null = null,
): NewAuditEvent {
  return { action, fromStatus, toStatus, actorId: auth.userId, actorRole: auth.role, details };
}

/** What cancelling now gives back, by the policy tiers the booking was made under. */
function cancellationRefund(booking: Booking, actor: BookingActor, now: Date) {
  return refundForCancellation({
    tiers: booking.policy.cancellationTiers,
    amountPaidCents: booking.amountPaidCents,
    startsAt: booking.startsAt,
    now,
    cancelledBy: actor === 'client' ? 'client' : 'photographer',
  });
}
