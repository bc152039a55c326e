import { Controller, useForm, useWatch } from 'react-hook-form';
import { packageSchema, type PackageInput } from '@shared/photographers/photographers.schema';
import type { PackageDto } from '@shared/photographers/photographers.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { MoneyField } from '@/components/ui/money-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { useSavePackage } from '../api/my-packages';
import {
  centsOf,
  MONEY_RULES,
  type MoneyFieldName,
  type PackageFormValues,
  valuesOf,
} from './package-form-values';

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'AUD', 'CAD', 'CHF', 'SEK', 'NZD'] as const;

/** Where each API field's error shows in this form. */
const FIELD_OF: Record<string, keyof PackageFormValues> = {
  name: 'name',
  description: 'description',
  durationMinutes: 'durationMinutes',
  priceCents: 'price',
  currency: 'currency',
  'deposit.percent': 'depositPercent',
  'deposit.cents': 'depositAmount',
  includedImages: 'includedImages',
  extraImagePriceCents: 'extraImagePrice',
  deliveryDays: 'deliveryDays',
  location: 'location',
  travelFeeCents: 'travelFee',
};

export function PackageForm({
  pkg,
  defaultCurrency,
  onDone,
}: {
  pkg: PackageDto | null;
  defaultCurrency: string;
  onDone: () => void;
}) {
  const form = useForm<PackageFormValues>({
    defaultValues: valuesOf(pkg, defaultCurrency),
    // A money field says what is wrong once it is left, then follows each keystroke.
    mode: 'onTouched',
  });
  const { errors } = form.formState;
  const save = useSavePackage();
  const [location, depositKind, currency, free] = useWatch({
    control: form.control,
    name: ['location', 'depositKind', 'currency', 'free'],
  });

  const showIssues = (issues: { path: string; message: string }[]) => {
    let first = true;
    for (const issue of issues) {
      const field = FIELD_OF[issue.path];
      if (!field) continue;
      form.setError(field, { type: 'validate', message: issue.message }, { shouldFocus: first });
      first = false;
    }
  };

  const submit = form.handleSubmit((values) => {
    // The money rules have passed: every visible money field reads as an amount.
    const cents = (field: MoneyFieldName) => centsOf(values, field) ?? 0;
    const input = {
      name: values.name,
      description: values.description,
      durationMinutes: Number(values.durationMinutes),
      priceCents: values.free ? 0 : cents('price'),
      currency: values.currency,
      deposit:
        values.free || values.depositKind === 'percent'
          ? { kind: 'percent' as const, percent: values.free ? 0 : Number(values.depositPercent) }
          : { kind: 'fixed' as const, cents: cents('depositAmount') },
      includedImages: Number(values.includedImages),
      extraImagePriceCents: cents('extraImagePrice'),
      deliveryDays: Number(values.deliveryDays),
      location: values.location,
      travelFeeCents: values.location === 'on_location' ? cents('travelFee') : 0,
      active: pkg?.active ?? true,
    };
    const parsed = packageSchema.safeParse(input);
    if (!parsed.success) {
      showIssues(
        parsed.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        })),
      );
      return;
    }
    save.mutate(
      { id: pkg?.id ?? null, input: parsed.data as PackageInput },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError) showIssues(error.fieldErrors);
        },
      },
    );
  });

  const moneyField = (
    name: MoneyFieldName,
    label: string,
    meaning?: (cents: number) => string | null,
  ) => (
    <Controller
      control={form.control}
      name={name}
      rules={{ validate: MONEY_RULES[name] }}
      render={({ field, fieldState }) => (
        <MoneyField
          {...field}
          label={label}
          currency={currency}
          error={fieldState.error?.message}
          meaning={meaning}
        />
      )}
    />
  );

  return (
    <form className="studio-form" noValidate onSubmit={(event) => void submit(event)}>
      {save.isError && !(save.error instanceof ApiError && save.error.fieldErrors.length) ? (
        <Alert tone="danger" title="The package was not saved">
          {describeError(save.error)}
        </Alert>
      ) : null}
      <TextField label="Name" error={errors.name?.message} {...form.register('name')} />
      <TextField
        label="Description"
        hint="Optional: what the session is good for."
        error={errors.description?.message}
        {...form.register('description')}
      />
      <div className="studio-form__row studio-form__row--3">
        <TextField
          label="Length (minutes)"
          inputMode="numeric"
          error={errors.durationMinutes?.message}
          {...form.register('durationMinutes')}
        />
        <div className="studio-price">
          {free ? (
            <div className="field">
              <span className="field__label">Price</span>
              <p className="studio-free">Free — clients pay nothing for the session</p>
            </div>
          ) : (
            moneyField('price', 'Price')
          )}
          <label className="studio-check">
            <input
              type="checkbox"
              {...form.register('free', { onChange: () => form.clearErrors('price') })}
            />
            Free session (no charge)
          </label>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="package-currency">
            Currency
          </label>
          <select id="package-currency" className="field__input" {...form.register('currency')}>
            {[...new Set([defaultCurrency, ...CURRENCIES])].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
      {free ? null : (
        <fieldset className="studio-fieldset">
          <legend className="field__label">Deposit</legend>
          <div className="studio-form__row">
            <div className="studio-checks">
              <label className="studio-check">
                <input type="radio" value="percent" {...form.register('depositKind')} />
                Percent of the total
              </label>
              <label className="studio-check">
                <input type="radio" value="fixed" {...form.register('depositKind')} />
                Fixed amount
              </label>
            </div>
            {depositKind === 'percent' ? (
              <TextField
                label="Deposit (%)"
                inputMode="numeric"
                error={errors.depositPercent?.message}
                {...form.register('depositPercent')}
              />
            ) : (
              moneyField('depositAmount', 'Deposit amount', (cents) =>
                cents === 0 ? 'no deposit: the client pays it all later' : null,
              )
            )}
          </div>
        </fieldset>
      )}
      <div className="studio-form__row studio-form__row--3">
        <TextField
          label="Retouched images included"
          inputMode="numeric"
          error={errors.includedImages?.message}
          {...form.register('includedImages')}
        />
        {moneyField('extraImagePrice', 'Price per extra image', (cents) =>
          cents === 0 ? 'extra images are free' : null,
        )}
        <TextField
          label="Delivery (days)"
          inputMode="numeric"
          error={errors.deliveryDays?.message}
          {...form.register('deliveryDays')}
        />
      </div>
      <fieldset className="studio-fieldset">
        <legend className="field__label">Where</legend>
        <div className="studio-form__row">
          <div className="studio-checks">
            <label className="studio-check">
              <input type="radio" value="studio" {...form.register('location')} />
              At my studio
            </label>
            <label className="studio-check">
              <input type="radio" value="on_location" {...form.register('location')} />
              At the client&apos;s location
            </label>
          </div>
          {location === 'on_location'
            ? moneyField('travelFee', 'Travel fee', (cents) =>
                cents === 0 ? 'no travel fee' : null,
              )
            : null}
        </div>
      </fieldset>
      <div className="studio-form__actions">
        <Button type="submit" loading={save.isPending}>
          {pkg ? 'Save package' : 'Add package'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
