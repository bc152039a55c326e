import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { CreateBookingInput } from '../../../shared/bookings/bookings.schema';
import type { PriceSnapshot } from '../../../shared/bookings/bookings.types';
import type { AuthContext } from '../../common/auth/auth-context';
import { DraftError } from '../drafts/drafts.errors';
import { DraftDeletionHooks } from '../drafts/draft-deletion-hooks.service';
import { DraftLooksService } from '../drafts/draft-looks.service';
import { BookingAccessService } from './booking-access.service';
import { type BriefSnapshot, briefSnapshot } from './booking-brief';
import { DraftCredit } from './draft-credit.entity';
import { DraftCreditsService } from './draft-credits.service';
import { BookingError } from './bookings.errors';
import { BookingsRepository } from './bookings.repository';

/**
 * What a client's AI draft brings to a booking: the brief the photographer sees (the chosen
 * look's parameters and quality findings, and its watermarked preview while the draft exists)
 * and the credit of a paid unlock taken off the price.
 */
@Injectable()
export class BookingBriefsService implements OnModuleInit {
  constructor(
    private readonly looks: DraftLooksService,
    private readonly credits: DraftCreditsService,
    private readonly access: BookingAccessService,
    private readonly draftDeletion: DraftDeletionHooks,
    private readonly repository: BookingsRepository,
  ) {}

  /** A deleted draft leaves its bookings' briefs: the link and preview go, the text stays. */
  onModuleInit(): void {
    this.draftDeletion.register((draftIds, manager) =>
      this.repository.forgetDrafts(manager, draftIds),
    );
  }

  /**
   * The brief from the client's own ready draft: the variant they named (ready), else the draft's
   * chosen look (the one last adjusted or picked; the professional one when none). Someone
   * else's draft is DRAFT_NOT_FOUND, never revealed.
   */
  async briefFor(
    auth: AuthContext,
    input: CreateBookingInput,
    notes: string | null,
  ): Promise<{ draftId: string; variantId: string; snapshot: BriefSnapshot }> {
    const look = await this.looks.lookOf(auth.userId, input.draftId!, input.draftVariantId);
    if (!('variantId' in look)) throw BookingError.draftNotUsable(look.status);
    return {
      draftId: look.draftId,
      variantId: look.variantId,
      snapshot: briefSnapshot({
        style: look.style,
        params: look.params,
        report: look.report,
        useCase: input.useCase ?? null,
        notes,
      }),
    };
  }

  /** The draft credit a new booking takes (written with it), or why it cannot have one. */
  async creditFor(
    auth: AuthContext,
    draftId: string,
    bookingId: string,
    fullPrice: PriceSnapshot,
    now: Date,
  ): Promise<DraftCredit> {
    const decision = await this.credits.decide({
      clientId: auth.userId,
      draftId,
      draftOwned: await this.looks.owns(auth.userId, draftId),
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
   * The chosen variant's watermarked preview (never the HD image), for the booking's client,
   * its photographer and admins, while the draft exists.
   */
  async preview(auth: AuthContext, id: string): Promise<Readable> {
    const { booking } = await this.access.load(auth, id);
    if (!booking.draftId || !booking.draftVariantId) throw BookingError.briefNotFound();
    const preview = await this.looks.previewOf(booking.draftId, booking.draftVariantId);
    if (!preview) throw BookingError.briefNotFound();
    return preview;
  }
}
