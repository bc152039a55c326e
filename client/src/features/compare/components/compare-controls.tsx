import { type Ref, useState } from 'react';
import { USE_CASE_LABELS, USE_CASES, type UseCase } from '@shared/compare/use-cases';
import '@/components/ui/field.css';
import { useApplyWhenTypingPauses } from '@/lib/use-debounced';
import type { ComparisonSearch } from '../api/get-comparison';

interface CompareControlsProps {
  search: ComparisonSearch;
  onChange: (next: ComparisonSearch) => void;
  /** Today in the viewer's zone, `YYYY-MM-DD`. */
  today: string;
  /** The city field, for the page's "Change city". */
  cityInputRef?: Ref<HTMLInputElement>;
}

/** The use case and date apply at once; the city as you type (after a pause), on Enter or on leaving. */
export function CompareControls({ search, onChange, today, cityInputRef }: CompareControlsProps) {
  const [city, setCity] = useState(search.city ?? '');
  const applyCity = () => {
    const next = city.trim() || undefined;
    if (next !== search.city) onChange({ ...search, city: next });
  };
  useApplyWhenTypingPauses(city, applyCity);

  return (
    <form
      className="cmp-controls"
      aria-label="What to compare"
      onSubmit={(event) => {
        event.preventDefault();
        applyCity();
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="compare-use-case">
          The headshot is for
        </label>
        <select
          id="compare-use-case"
          className="field__input"
          value={search.useCase}
          onChange={(event) => onChange({ ...search, useCase: event.target.value as UseCase })}
        >
          {USE_CASES.map((useCase) => (
            <option key={useCase} value={useCase}>
              {USE_CASE_LABELS[useCase]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="compare-city">
          City
        </label>
        <input
          ref={cityInputRef}
          id="compare-city"
          className="field__input"
          type="search"
          placeholder="Anywhere"
          value={city}
          onChange={(event) => setCity(event.target.value)}
          onBlur={applyCity}
          autoComplete="address-level2"
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="compare-date">
          Session from (optional)
        </label>
        <input
          id="compare-date"
          className="field__input"
          type="date"
          min={today}
          value={search.date ?? ''}
          onChange={(event) => onChange({ ...search, date: event.target.value || undefined })}
        />
      </div>
      <button type="submit" className="visually-hidden">
        Compare
      </button>
    </form>
  );
}
