import { useId, type ComponentProps, type ReactNode } from 'react';
import { ErrorIcon } from './text-field';
import './radio-card-group.css';

export interface RadioCardOption<V extends string> {
  value: V;
  title: string;
  description: string;
  icon?: ReactNode;
}

interface RadioCardGroupProps<V extends string> {
  legend: string;
  options: readonly RadioCardOption<V>[];
  error?: string;
  /** Spread onto every radio: e.g. react-hook-form's `register('role')`. */
  inputProps: Omit<ComponentProps<'input'>, 'type' | 'value' | 'id'>;
}

/** A set of native radio buttons shown as large, fully clickable cards. */
export function RadioCardGroup<V extends string>({
  legend,
  options,
  error,
  inputProps,
}: RadioCardGroupProps<V>) {
  const groupId = useId();
  const errorId = error ? `${groupId}-error` : undefined;

  return (
    <fieldset
      className={['radio-cards', error && 'radio-cards--invalid'].filter(Boolean).join(' ')}
    >
      <legend className="radio-cards__legend">{legend}</legend>
      <div className="radio-cards__options">
        {options.map((option) => {
          const id = `${groupId}-${option.value}`;
          return (
            <label key={option.value} className="radio-card" htmlFor={id}>
              <input
                {...inputProps}
                id={id}
                type="radio"
                value={option.value}
                className="radio-card__input"
                aria-labelledby={`${id}-title`}
                aria-describedby={[`${id}-description`, errorId].filter(Boolean).join(' ')}
                aria-invalid={error ? true : undefined}
              />
              {option.icon ? (
                <span className="radio-card__icon" aria-hidden="true">
                  {option.icon}
                </span>
              ) : null}
              <span className="radio-card__text">
                <span id={`${id}-title`} className="radio-card__title">
                  {option.title}
                </span>
                <span id={`${id}-description`} className="radio-card__description">
                  {option.description}
                </span>
              </span>
              <span className="radio-card__check" aria-hidden="true" />
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="field__error">
          <ErrorIcon />
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
