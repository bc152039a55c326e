import { useState } from 'react';
import { PHOTO_STYLE_NAMES, PHOTO_STYLES } from '@shared/photographers/photographers.types';
import { formatAmountForInput, parseMoneyInput } from '@shared/money';
import { Button } from '@/components/ui/button';
import '@/components/ui/field.css';
import { browserLocale } from '@/lib/locale';
import type { DirectorySearch } from '../api/list-photographers';
import { useApplyWhenTypingPauses } from '@/lib/use-debounced';

export const SORTS = [
  { value: 'earliest', label: 'Earliest free time' },
  { value: 'price', label: 'Lowest price' },
  { value: 'rating', label: 'Best rated' },
] as const;

interface DirectoryFiltersProps {
  search: DirectorySearch;
  onChange: (next: DirectorySearch) => void;
  /** Today in the viewer's zone, `YYYY-MM-DD`: the earliest date worth asking about. */
  today: string;
}

/**
 * The directory compares prices in minor units across studios; every currency a package can
 * be priced in has 2 decimals, so the filter reads the typed amount as one of them.
 */
const PRICE_UNITS = 'EUR';

/**
 * City and price apply as you type (after a pause), on Enter or when the field is left; the
 * menus and the date apply at once. Prices are typed in major units the way the visitor writes them ("79,50").
 */
export function DirectoryFilters({ search, onChange, today }: DirectoryFiltersProps) {
  const [city, setCity] = useState(search.city ?? '');
  const [maxPrice, setMaxPrice] = useState(
    search.maxPriceCents !== undefined
      ? formatAmountForInput(search.maxPriceCents, PRICE_UNITS, browserLocale())
      : '',
  );
  const [priceError, setPriceError] = useState<string | null>(null);
  const filtered = Boolean(search.city || search.style || search.maxPriceCents || search.date);

  const apply = (patch: DirectorySearch) => onChange({ ...search, ...patch, page: undefined });
  const applyText = () => {
    const nextCity = city.trim() || undefined;
    const price = parseMoneyInput(maxPrice, PRICE_UNITS, browserLocale());
    // An empty field is "no limit"; anything else must read as an amount.
    if (!price.ok && price.code !== 'EMPTY') return setPriceError(price.message);
    setPriceError(null);
    const nextPrice = price.ok ? price.cents : undefined;
    if (nextCity === search.city && nextPrice === search.maxPriceCents) return;
    apply({ city: nextCity, maxPriceCents: nextPrice });
  };
  useApplyWhenTypingPauses(JSON.stringify([city, maxPrice]), applyText);

  return (
    <form
      className="pg-filters"
      role="search"
      aria-label="Filter photographers"
      onSubmit={(event) => {
        event.preventDefault();
        applyText();
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="filter-city">
          City
        </label>
        <input
          id="filter-city"
          className="field__input"
          type="search"
          placeholder="Any city"
          value={city}
          onChange={(event) => setCity(event.target.value)}
          onBlur={applyText}
          autoComplete="address-level2"
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="filter-style">
          Style
        </label>
        <select
          id="filter-style"
          className="field__input"
          value={search.style ?? ''}
          onChange={(event) =>
            apply({ style: (event.target.value || undefined) as DirectorySearch['style'] })
          }
        >
          <option value="">Any style</option>
          {PHOTO_STYLES.map((style) => (
            <option key={style} value={style}>
              {PHOTO_STYLE_NAMES[style]}
            </option>
          ))}
        </select>
      </div>
      <div className={priceError ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor="filter-price">
          Max price
        </label>
        <input
          id="filter-price"
          className="field__input"
          inputMode="decimal"
          placeholder="No limit"
          value={maxPrice}
          onChange={(event) => setMaxPrice(event.target.value)}
          onBlur={applyText}
          aria-invalid={priceError ? true : undefined}
          aria-describedby={
            priceError ? 'filter-price-error filter-price-hint' : 'filter-price-hint'
          }
        />
        {priceError ? (
          <p id="filter-price-error" className="field__error">
            {priceError}
          </p>
        ) : null}
        <p id="filter-price-hint" className="field__hint">
          In the studio&apos;s currency
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="filter-date">
          Free on
        </label>
        <input
          id="filter-date"
          className="field__input"
          type="date"
          min={today}
          value={search.date ?? ''}
          onChange={(event) => apply({ date: event.target.value || undefined })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="filter-sort">
          Sort by
        </label>
        <select
          id="filter-sort"
          className="field__input"
          value={search.sort ?? 'earliest'}
          onChange={(event) => apply({ sort: event.target.value as DirectorySearch['sort'] })}
        >
          {SORTS.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.label}
            </option>
          ))}
        </select>
      </div>
      <div className="pg-filters__actions">
        <button type="submit" className="visually-hidden">
          Apply filters
        </button>
        {filtered ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setCity('');
              setMaxPrice('');
              setPriceError(null);
              onChange({ sort: search.sort });
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}
