import { useForm, useWatch } from 'react-hook-form';
import { packageSchema, type PackageInput } from '@shared/photographers/photographers.schema';
import type { PackageDto } from '@shared/photographers/photographers.types';
import { fromMinorUnits, toMinorUnits } from '@shared/money';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/error-messages';
import { useSavePackage } from '../api/my-packages';

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'AUD', 'CAD', 'CHF', 'SEK', 'NZD'] as const;

/** The form speaks major units ("149.50"); the API speaks integer minor units (14950). */
interface PackageFormValues {
  name: string;
  description: string;
  durationMinutes: string;
  price: string;
  currency: string;
  depositKind: 'percent' | 'fixed';
  depositPercent: string;
  depositAmount: string;
  includedImages: string;
  extraImagePrice: string;
  deliveryDays: string;
  location: 'studio' | 'on_location';
  travelFee: string;
}

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

function valuesOf(pkg: PackageDto | null, currency: string): PackageFormValues {
  const major = (cents: number) => String(fromMinorUnits(cents, pkg?.currency ?? currency));
  return {
    name: pkg?.name ?? '',
    description: pkg?.description ?? '',
    durationMinutes: String(pkg?.durationMinutes ?? 60),
    price: pkg ? major(pkg.priceCents) : '',
    currency: pkg?.currency ?? currency,
    depositKind: pkg?.deposit.kind ?? 'percent',
    depositPercent: pkg?.deposit.kind === 'percent' ? String(pkg.deposit.percent) : '30',
    depositAmount: pkg?.deposit.kind === 'fixed' ? major(pkg.deposit.cents) : '',
    includedImages: String(pkg?.includedImages ?? 3),
    extraImagePrice: pkg ? major(pkg.extraImagePriceCents) : '0',
    deliveryDays: String(pkg?.deliveryDays ?? 7),
    location: pkg?.location ?? 'studio',
    travelFee: pkg ? major(pkg.travelFeeCents) : '0',
  };
}

const AMOUNT_ERROR = 'Enter an amount such as 149 or 149.50';

export function PackageForm({
  pkg,
  defaultCurrency,
  onDone,
}: {
  pkg: PackageDto | null;
  defaultCurrency: string;
  onDone: () => void;
}) {
  const form = useForm<PackageFormValues>({ defaultValues: valuesOf(pkg, defaultCurrency) });
  const { errors } = form.formState;
  const save = useSavePackage();
  const location = useWatch({ control: form.control, name: 'location' });
  const depositKind = useWatch({ control: form.control, name: 'depositKind' });

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
    const currency = values.currency;
    let unreadable = false;
    const cents = (field: keyof PackageFormValues) => {
      const amount = toMinorUnits(values[field] || '0', currency);
      if (amount === null) {
        unreadable = true;
        form.setError(field, { type: 'validate', message: AMOUNT_ERROR });
      }
      return amount ?? -1;
    };
    const input = {
      name: values.name,
      description: values.description,
      durationMinutes: Number(values.durationMinutes),
      priceCents: cents('price'),
      currency,
      deposit:
        values.depositKind === 'percent'
          ? { kind: 'percent' as const, percent: Number(values.depositPercent) }
          : { kind: 'fixed' as const, cents: cents('depositAmount') },
      includedImages: Number(values.includedImages),
      extraImagePriceCents: cents('extraImagePrice'),
      deliveryDays: Number(values.deliveryDays),
      location: values.location,
      travelFeeCents: values.location === 'on_location' ? cents('travelFee') : 0,
      active: pkg?.active ?? true,
    };
    if (unreadable) return;
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
        <TextField
          label="Price"
          inputMode="decimal"
          error={errors.price?.message}
          {...form.register('price')}
        />
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
            <TextField
              label="Deposit amount"
              inputMode="decimal"
              error={errors.depositAmount?.message}
              {...form.register('depositAmount')}
            />
          )}
        </div>
      </fieldset>
      <div className="studio-form__row studio-form__row--3">
        <TextField
          label="Retouched images included"
          inputMode="numeric"
          error={errors.includedImages?.message}
          {...form.register('includedImages')}
        />
        <TextField
          label="Price per extra image"
          inputMode="decimal"
          error={errors.extraImagePrice?.message}
          {...form.register('extraImagePrice')}
        />
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
          {location === 'on_location' ? (
            <TextField
              label="Travel fee"
              inputMode="decimal"
              error={errors.travelFee?.message}
              {...form.register('travelFee')}
            />
          ) : null}
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
