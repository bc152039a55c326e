import { useId, useState, type ComponentProps, type ReactNode } from 'react';
import './field.css';

type TextFieldProps = Omit<ComponentProps<'input'>, 'children'> & {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Rendered inside the input's border, on the right (e.g. a show-password toggle). */
  trailing?: ReactNode;
};

export function TextField({
  label,
  hint,
  error,
  trailing,
  id,
  className,
  ...inputProps
}: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={['field', error && 'field--invalid', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <div className="field__control">
        <input
          {...inputProps}
          id={inputId}
          className="field__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {trailing ? <div className="field__trailing">{trailing}</div> : null}
      </div>
      {error ? (
        <p id={errorId} className="field__error">
          <ErrorIcon />
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A password input with a Show/Hide toggle, so people can check what they typed on a phone. */
export function PasswordField(props: Omit<TextFieldProps, 'type' | 'trailing'>) {
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      autoCapitalize="off"
      spellCheck={false}
      trailing={
        <button
          type="button"
          className="field__toggle"
          aria-pressed={visible}
          aria-label={visible ? 'Hide password' : 'Show password'}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? 'Hide' : 'Show'}
        </button>
      }
    />
  );
}

export function ErrorIcon() {
  return (
    <svg className="field__error-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M10 1.667a8.333 8.333 0 1 0 0 16.666 8.333 8.333 0 0 0 0-16.666Zm0 12.5a.833.833 0 1 1 0-1.667.833.833 0 0 1 0 1.667Zm.833-3.75a.833.833 0 0 1-1.666 0V6.25a.833.833 0 1 1 1.666 0v4.167Z"
      />
    </svg>
  );
}
