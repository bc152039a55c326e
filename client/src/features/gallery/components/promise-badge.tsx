import type { DeliveryPromiseDto } from '@shared/gallery/gallery.types';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { calendarDate } from './format';

const flags: Record<DeliveryPromiseDto['flag'], { tone: BadgeTone; label: string }> = {
  overdue: { tone: 'danger', label: 'Overdue' },
  due_soon: { tone: 'warn', label: 'Due soon' },
  on_track: { tone: 'neutral', label: 'On track' },
  delivered: { tone: 'success', label: 'Delivered' },
  delivered_late: { tone: 'warn', label: 'Delivered late' },
};

export function PromiseBadge({ promise }: { promise: DeliveryPromiseDto }) {
  const flag = flags[promise.flag];
  return <Badge tone={flag.tone}>{flag.label}</Badge>;
}

/** "Promised by Sunday 19 May 2030" (a calendar day in the studio's zone). */
export function PromiseText({ promise }: { promise: DeliveryPromiseDto }) {
  return (
    <span>
      Promised by <strong>{calendarDate(promise.dueDate)}</strong>{' '}
      <span className="gallery-muted">({promise.timeZone})</span>
    </span>
  );
}
