import type { CancellationTier } from '../../../../shared/bookings/bookings.types';

const HOUR = 3_600_000;

export interface RefundDecision {
  refundPercent: number;
  refundCents: number;
  hoursBeforeStart: number;
  tierLabel: string;
}

/**
 * What a cancellation gives back, from the tiers snapshotted when the booking was made. The
 * photographer cancelling always refunds everything; otherwise the first tier whose notice the
 * client meets applies, and with none met nothing comes back. Rounds down to a whole minor unit.
 */
export function refundForCancellation(input: {
  tiers: readonly CancellationTier[];
  amountPaidCents: number;
  startsAt: Date;
  now: Date;
  cancelledBy: 'client' | 'photographer';
}): RefundDecision {
  const hoursBeforeStart = (input.startsAt.getTime() - input.now.getTime()) / HOUR;
  const rounded = Math.max(0, Math.floor(hoursBeforeStart * 10) / 10);
  if (input.cancelledBy === 'photographer') {
    return {
      refundPercent: 100,
      refundCents: input.amountPaidCents,
      hoursBeforeStart: rounded,
      tierLabel: 'Cancelled by the photographer: everything back',
    };
  }
  const tiers = [...input.tiers].sort((a, b) => b.minHoursBefore - a.minHoursBefore);
  const tier = tiers.find((candidate) => hoursBeforeStart >= candidate.minHoursBefore);
  const refundPercent = tier?.refundPercent ?? 0;
  return {
    refundPercent,
    refundCents: Math.floor((input.amountPaidCents * refundPercent) / 100),
    hoursBeforeStart: rounded,
    tierLabel: tier
      ? `At least ${describeNotice(tier.minHoursBefore)} before: ${refundPercent} % back`
      : `Less than ${describeNotice(tiers.at(-1)?.minHoursBefore ?? 0)} before: nothing back`,
  };
}

export function describeNotice(hours: number): string {
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
