import type { BookingStatus } from '@shared/bookings/bookings.types';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const statuses: Record<BookingStatus, { label: string; tone: BadgeTone }> = {
  held: { label: 'Held, not confirmed', tone: 'warn' },
  requested: { label: 'Waiting for approval', tone: 'warn' },
  confirmed: { label: 'Confirmed', tone: 'success' },
  rescheduled: { label: 'Confirmed · moved', tone: 'success' },
  completed: { label: 'Completed', tone: 'accent' },
  delivered: { label: 'Photos delivered', tone: 'accent' },
  expired: { label: 'Hold lapsed', tone: 'neutral' },
  declined: { label: 'Declined', tone: 'danger' },
  cancelled_by_client: { label: 'Cancelled by you', tone: 'neutral' },
  cancelled_by_photographer: { label: 'Cancelled by the photographer', tone: 'danger' },
  no_show: { label: 'No-show', tone: 'danger' },
};

/** Status names for the photographer, where "you" is the studio. */
const studioWording: Partial<Record<BookingStatus, string>> = {
  requested: 'Needs your approval',
  cancelled_by_client: 'Cancelled by the client',
  cancelled_by_photographer: 'Cancelled by you',
};

export function BookingStatusBadge({
  status,
  viewer = 'client',
}: {
  status: BookingStatus;
  viewer?: 'client' | 'photographer' | 'admin';
}) {
  const { label, tone } = statuses[status];
  const wording =
    viewer === 'photographer'
      ? (studioWording[status] ?? label)
      : viewer === 'admin' && status.startsWith('cancelled')
        ? status === 'cancelled_by_client'
          ? 'Cancelled by the client'
          : 'Cancelled by the photographer'
        : label;
  return <Badge tone={tone}>{wording}</Badge>;
}

export const ACTIVE_STATUSES: readonly BookingStatus[] = [
  'held',
  'requested',
  'confirmed',
  'rescheduled',
];
