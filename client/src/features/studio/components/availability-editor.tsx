import type { ComponentProps } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import {
  availabilitySchema,
  type AvailabilityInput,
} from '@shared/photographers/photographers.schema';
import {
  type AvailabilityDto,
  WEEKDAY_NAMES,
  WEEKDAYS,
} from '@shared/photographers/photographers.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { useSaveMyAvailability } from '../api/my-availability';
import './studio.css';

type FormInput = z.input<typeof availabilitySchema>;

function valuesOf(availability: AvailabilityDto): FormInput {
  return {
    weekly: [...availability.weekly].sort(
      (a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start),
    ),
    overrides: availability.overrides,
    policy: availability.policy,
  };
}

const num = { valueAsNumber: true } as const;

/**
 * Weekly hours (several intervals a weekday, in the photographer's zone) and the scheduling
 * policy, checked with the same schema the server uses; the server's own VALIDATION_FAILED
 * details land on the interval or field they name (`weekly.3.start` → Thursday's second row).
 */
export function AvailabilityEditor({ availability }: { availability: AvailabilityDto }) {
  const form = useForm<FormInput, unknown, AvailabilityInput>({
    resolver: zodResolver(availabilitySchema),
    defaultValues: valuesOf(availability),
  });
  const weekly = useFieldArray({ control: form.control, name: 'weekly' });
  const tiers = useFieldArray({ control: form.control, name: 'policy.cancellationTiers' });
  const save = useSaveMyAvailability();
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    save.mutate(values, {
      onSuccess: (saved) => form.reset(valuesOf(saved)),
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        let first = true;
        for (const detail of error.fieldErrors) {
          form.setError(
            detail.path as FieldPath<FormInput>,
            { type: 'server', message: detail.message },
            { shouldFocus: first },
          );
          first = false;
        }
      },
    });
  });

  const intervalError = (index: number) =>
    errors.weekly?.[index]?.start?.message ??
    errors.weekly?.[index]?.end?.message ??
    errors.weekly?.[index]?.message;
  const policyError = (name: keyof AvailabilityInput['policy']) =>
    errors.policy?.[name]?.message as string | undefined;

  return (
    <form className="studio-form" noValidate onSubmit={(event) => void submit(event)}>
      {save.isSuccess && !form.formState.isDirty ? (
        <Alert tone="success" title="Hours saved">
          Clients see your new free times right away.
        </Alert>
      ) : null}
      {save.isError && !(save.error instanceof ApiError && save.error.fieldErrors.length) ? (
        <Alert tone="danger" title="Your hours were not saved">
          {describeError(save.error)}
        </Alert>
      ) : null}
      {Object.keys(errors).length && !save.isPending ? (
        <Alert tone="danger" title="Check the highlighted fields">
          Nothing was saved yet.
        </Alert>
      ) : null}

      <section className="studio-section" aria-labelledby="weekly-title">
        <h2 id="weekly-title" className="studio-card__title">
          Weekly hours <span className="text-muted text-sm">in {availability.timeZone}</span>
        </h2>
        <ul className="weekdays">
          {WEEKDAYS.map((weekday) => {
            const rows = weekly.fields
              .map((field, index) => ({ field, index }))
              .filter(({ field }) => field.weekday === weekday);
            const name = WEEKDAY_NAMES[weekday - 1]!;
            return (
              <li key={weekday} className="weekday">
                <h3 className="weekday__name">{name}</h3>
                <div className="weekday__intervals">
                  {rows.length === 0 ? <p className="text-muted text-sm">Closed</p> : null}
                  {rows.map(({ field, index }, position) => {
                    const error = intervalError(index);
                    const label = `${name} interval ${position + 1}`;
                    return (
                      <div
                        key={field.id}
                        className="interval"
                        data-invalid={error ? true : undefined}
                        role="group"
                        aria-label={label}
                      >
                        <div className="interval__inputs">
                          <input
                            type="time"
                            step={300}
                            className="field__input interval__time"
                            aria-label={`${label} starts`}
                            aria-invalid={errors.weekly?.[index]?.start ? true : undefined}
                            {...form.register(`weekly.${index}.start`)}
                          />
                          <span aria-hidden="true">–</span>
                          <input
                            type="time"
                            step={300}
                            className="field__input interval__time"
                            aria-label={`${label} ends`}
                            aria-invalid={errors.weekly?.[index]?.end ? true : undefined}
                            {...form.register(`weekly.${index}.end`)}
                          />
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Remove ${label}`}
                            onClick={() => weekly.remove(index)}
                          >
                            Remove
                          </Button>
                        </div>
                        {error ? <p className="field__error">{error}</p> : null}
                      </div>
                    );
                  })}
                  <div>
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={rows.length ? `Add hours on ${name}` : undefined}
                      onClick={() => {
                        const last = rows.at(-1)?.field;
                        weekly.append(
                          last
                            ? {
                                weekday,
                                start: last.end,
                                end: last.end < '22:00' ? nextHour(last.end, 2) : '23:55',
                              }
                            : { weekday, start: '09:00', end: '17:00' },
                        );
                      }}
                    >
                      {rows.length ? 'Add hours' : `Open on ${name}`}
                    </Button>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <section className="studio-section" aria-labelledby="policy-title">
        <h2 id="policy-title" className="studio-card__title">
          Booking rules
        </h2>
        <fieldset className="studio-fieldset">
          <legend className="field__label">How bookings are confirmed</legend>
          <div className="studio-checks">
            <label className="studio-check">
              <input type="radio" value="instant" {...form.register('policy.bookingMode')} />
              Instantly
            </label>
            <label className="studio-check">
              <input type="radio" value="approval" {...form.register('policy.bookingMode')} />I
              approve each request
            </label>
          </div>
        </fieldset>
        <div className="studio-form__row studio-form__row--3">
          <NumberField
            label="Buffer before (min)"
            error={policyError('bufferBeforeMinutes')}
            {...form.register('policy.bufferBeforeMinutes', num)}
          />
          <NumberField
            label="Buffer after (min)"
            error={policyError('bufferAfterMinutes')}
            {...form.register('policy.bufferAfterMinutes', num)}
          />
          <NumberField
            label="Start times every (min)"
            error={policyError('slotStepMinutes')}
            {...form.register('policy.slotStepMinutes', num)}
          />
          <NumberField
            label="Minimum notice (min)"
            error={policyError('minNoticeMinutes')}
            {...form.register('policy.minNoticeMinutes', num)}
          />
          <NumberField
            label="Book up to (days ahead)"
            error={policyError('horizonDays')}
            {...form.register('policy.horizonDays', num)}
          />
          <NumberField
            label="Reschedule until (h before)"
            error={policyError('rescheduleCutoffHours')}
            {...form.register('policy.rescheduleCutoffHours', num)}
          />
        </div>
        <fieldset className="studio-fieldset">
          <legend className="field__label">Refund when a client cancels</legend>
          <ul className="tiers">
            {tiers.fields.map((field, index) => (
              <li key={field.id} className="tier">
                <label>
                  <input
                    type="number"
                    min={0}
                    className="field__input tier__number"
                    aria-label={`Tier ${index + 1}: at least this many hours before`}
                    {...form.register(`policy.cancellationTiers.${index}.minHoursBefore`, num)}
                  />{' '}
                  hours or more before:
                </label>
                <label>
                  <input
                    type="number"
                    min={0}
                    max={100}
                    className="field__input tier__number"
                    aria-label={`Tier ${index + 1}: refund percent`}
                    {...form.register(`policy.cancellationTiers.${index}.refundPercent`, num)}
                  />{' '}
                  % back
                </label>
                <Button size="sm" variant="ghost" onClick={() => tiers.remove(index)}>
                  Remove
                </Button>
                {errors.policy?.cancellationTiers?.[index] ? (
                  <p className="field__error">
                    {errors.policy.cancellationTiers[index]?.minHoursBefore?.message ??
                      errors.policy.cancellationTiers[index]?.refundPercent?.message}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          {tiers.fields.length < 5 ? (
            <div>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => tiers.append({ minHoursBefore: 24, refundPercent: 50 })}
              >
                Add a tier
              </Button>
            </div>
          ) : null}
          <p className="field__hint">
            Later than every tier: nothing back. You cancelling always refunds everything.
          </p>
        </fieldset>
      </section>
      <div className="studio-form__actions studio-form__actions--sticky">
        <Button type="submit" loading={save.isPending}>
          Save hours and rules
        </Button>
        {form.formState.isDirty ? (
          <span className="text-muted text-sm">Unsaved changes</span>
        ) : null}
      </div>
    </form>
  );
}

function nextHour(time: string, hours: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${String(Math.min(23, h + hours)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function NumberField({
  label,
  error,
  ...input
}: { label: string; error?: string } & ComponentProps<'input'>) {
  const id = `policy-${input.name ?? label}`;
  return (
    <div className={['field', error && 'field--invalid'].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        min={0}
        className="field__input"
        aria-invalid={error ? true : undefined}
        {...input}
      />
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}
