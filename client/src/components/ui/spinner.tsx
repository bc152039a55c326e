import './spinner.css';

interface SpinnerProps {
  size?: 'sm' | 'md' | 'lg';
  /** Read to screen readers; omit when the surrounding text already says what is happening. */
  label?: string;
}

export function Spinner({ size = 'md', label }: SpinnerProps) {
  return (
    <span className={`spinner spinner--${size}`} role={label ? 'status' : undefined}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle className="spinner__track" cx="12" cy="12" r="9.5" />
        <circle className="spinner__arc" cx="12" cy="12" r="9.5" />
      </svg>
      {label ? <span className="visually-hidden">{label}</span> : null}
    </span>
  );
}

/** Fills the space of a page while its data or code loads. */
export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="page-loader" role="status" aria-live="polite">
      <Spinner size="lg" />
      <span className="page-loader__label">{label}</span>
    </div>
  );
}
