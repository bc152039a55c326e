import type {
  AdminRefundRequestDto,
  AtStudioInCurrencyDto,
  EarningsDto,
  EarningsInCurrencyDto,
} from '@shared/payments/payments.types';

export function earningsIn(
  currency: string,
  overrides: Partial<EarningsInCurrencyDto> = {},
): EarningsInCurrencyDto {
  return {
    currency,
    heldCents: 6_120,
    transferredCents: 20_400,
    platformFeeCents: 3_600,
    ...overrides,
  };
}

export function atStudioIn(
  currency: string,
  overrides: Partial<AtStudioInCurrencyDto> = {},
): AtStudioInCurrencyDto {
  return {
    currency,
    dueCents: 48_000,
    dueSessions: 2,
    heldSessionsCents: 24_000,
    heldSessions: 1,
    ...overrides,
  };
}

export function anEarnings(overrides: Partial<EarningsDto> = {}): EarningsDto {
  return {
    byCurrency: [earningsIn('eur')],
    atStudio: [],
    platformFeePercent: 15,
    payoutStatus: 'active',
    ...overrides,
  };
}

export function aRefundRequest(
  overrides: Partial<AdminRefundRequestDto> = {},
): AdminRefundRequestDto {
  return {
    id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    purpose: 'booking',
    referenceId: '0b0b0b0b-1111-4222-8333-444455556666',
    paymentId: 'p-1',
    amountCents: 4_470,
    currency: 'eur',
    reason: 'cancelled_by_client',
    status: 'succeeded',
    attempts: 1,
    lastError: null,
    nextAttemptAt: null,
    providerRefundId: 're_3Pq8x2',
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:02.000Z',
    ...overrides,
  };
}
