import { DateTime } from 'luxon';
import type { DeliveryFlag, DeliveryPromiseDto } from './gallery.types';

/** Within this many hours of the promised day's end, the photographer's dashboard says "due soon". */
export const DUE_SOON_HOURS = 48;

export interface PromiseInput {
  sessionStartsAt: Date;
  deliveryDays: number;
  /** The studio's IANA zone: the promise is a calendar day there. */
  timeZone: string;
  deliveredAt: Date | null;
  now: Date;
}

/**
 * The delivery promise: the session's calendar date in the studio's zone plus the package's
 * delivery days; finals are due by the end of that day (23:59:59.999 local, DST-correct).
 */
export function deliveryPromise(input: PromiseInput): DeliveryPromiseDto {
  const due = DateTime.fromJSDate(input.sessionStartsAt, { zone: input.timeZone })
    .startOf('day')
    .plus({ days: input.deliveryDays });
  const dueAt = due.endOf('day').toJSDate();
  return {
    dueDate: due.toISODate() ?? '',
    dueAt: dueAt.toISOString(),
    timeZone: input.timeZone,
    flag: flagOf(dueAt, input.deliveredAt, input.now),
    deliveredAt: input.deliveredAt?.toISOString() ?? null,
  };
}

function flagOf(dueAt: Date, deliveredAt: Date | null, now: Date): DeliveryFlag {
  if (deliveredAt) return deliveredAt.getTime() <= dueAt.getTime() ? 'delivered' : 'delivered_late';
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  return dueAt.getTime() - now.getTime() <= DUE_SOON_HOURS * 3_600_000 ? 'due_soon' : 'on_track';
}
