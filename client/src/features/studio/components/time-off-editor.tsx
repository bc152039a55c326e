import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { timeOffSchema, type TimeOffInput } from '@shared/photographers/photographers.schema';
import type { TimeOffDto } from '@shared/photographers/photographers.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/error-messages';
import { applyServerFieldErrors } from '@/lib/form-errors';
import { useAddTimeOff, useRemoveTimeOff } from '../api/my-availability';

const FIELDS = ['startDate', 'endDate', 'note'] as const satisfies (keyof TimeOffInput)[];

function dateLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

function rangeLabel(t: Pick<TimeOffDto, 'startDate' | 'endDate'>): string {
  return t.startDate === t.endDate
    ? dateLabel(t.startDate)
    : `${dateLabel(t.startDate)} – ${dateLabel(t.endDate)}`;
}

/** Days off (whole days in the photographer's zone): they win over the weekly hours. */
export function TimeOffEditor({ timeOff, today }: { timeOff: TimeOffDto[]; today: string }) {
  const form = useForm<z.input<typeof timeOffSchema>, unknown, TimeOffInput>({
    resolver: zodResolver(timeOffSchema),
    defaultValues: { startDate: '', endDate: '', note: '' },
  });
  const add = useAddTimeOff();
  const remove = useRemoveTimeOff();
  const { errors } = form.formState;
  const upcoming = [...timeOff]
    .filter((t) => t.endDate >= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));

  /** Removing makes those days bookable again at once: say so, and offer to put them back. */
  const removeWithUndo = (t: TimeOffDto) =>
    remove.mutate(t.id, {
      onSuccess: () =>
        toast.success(`Days off ${rangeLabel(t)} removed; clients can book them now`, {
          action: {
            label: 'Undo',
            onClick: () => add.mutate({ startDate: t.startDate, endDate: t.endDate, note: t.note }),
          },
        }),
    });

  const submit = form.handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: () => form.reset(),
      onError: (error) => applyServerFieldErrors(error, FIELDS, form.setError),
    }),
  );

  return (
    <div className="stack">
      {upcoming.length ? (
        <ul className="time-off-list" aria-label="Days off">
          {upcoming.map((t) => (
            <li key={t.id} className="time-off">
              <span>
                <strong>{rangeLabel(t)}</strong>
                {t.note ? <span className="text-muted"> · {t.note}</span> : null}
              </span>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove days off ${rangeLabel(t)}`}
                loading={remove.isPending && remove.variables === t.id}
                onClick={() => removeWithUndo(t)}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">No days off planned.</p>
      )}
      {remove.isError ? (
        <Alert tone="danger" title="Could not remove the days off">
          {describeError(remove.error)}
        </Alert>
      ) : null}
      <form className="studio-form" noValidate onSubmit={(event) => void submit(event)}>
        {add.isError && !(errors.startDate || errors.endDate || errors.note) ? (
          <Alert tone="danger" title="The days off were not added">
            {describeError(add.error)}
          </Alert>
        ) : null}
        <div className="studio-form__row studio-form__row--3">
          <TextField
            label="First day off"
            type="date"
            min={today}
            error={errors.startDate?.message}
            {...form.register('startDate')}
          />
          <TextField
            label="Last day off"
            type="date"
            min={today}
            error={errors.endDate?.message}
            {...form.register('endDate')}
          />
          <TextField
            label="Note (only you see it)"
            error={errors.note?.message}
            {...form.register('note')}
          />
        </div>
        <div>
          <Button type="submit" variant="secondary" loading={add.isPending}>
            Add days off
          </Button>
        </div>
      </form>
    </div>
  );
}
