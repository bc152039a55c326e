import './wordmark.css';

/** The Lensbridge logo: a lens ring bridged by an arc, and the name. */
export function Wordmark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  return (
    <span className={`wordmark wordmark--${size}`}>
      <svg className="wordmark__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--color-accent-700)" />
        <circle cx="16" cy="16" r="8.5" fill="none" stroke="#fff" strokeWidth="2.5" />
        <circle cx="16" cy="16" r="3" fill="var(--color-accent-300)" />
      </svg>
      <span className="wordmark__name">Lensbridge</span>
    </span>
  );
}
