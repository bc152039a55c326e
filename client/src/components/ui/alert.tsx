import type { ReactNode } from 'react';
import './alert.css';

type Tone = 'info' | 'success' | 'warn' | 'danger';

interface AlertProps {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
}

const icons: Record<Tone, string> = {
  info: 'M10 1.667a8.333 8.333 0 1 0 0 16.666 8.333 8.333 0 0 0 0-16.666Zm.833 12.5a.833.833 0 0 1-1.666 0V9.583a.833.833 0 1 1 1.666 0v4.584ZM10 7.5a.833.833 0 1 1 0-1.667A.833.833 0 0 1 10 7.5Z',
  success:
    'M10 1.667a8.333 8.333 0 1 0 0 16.666 8.333 8.333 0 0 0 0-16.666Zm3.923 6.756-4.5 4.5a.833.833 0 0 1-1.179 0l-2.167-2.167a.833.833 0 1 1 1.179-1.179l1.577 1.578 3.911-3.911a.833.833 0 1 1 1.179 1.179Z',
  warn: 'M11.443 2.5a1.667 1.667 0 0 0-2.886 0L1.9 14.167A1.667 1.667 0 0 0 3.343 16.667h13.314a1.667 1.667 0 0 0 1.443-2.5L11.443 2.5ZM10 14.167a.833.833 0 1 1 0-1.667.833.833 0 0 1 0 1.667Zm.833-3.75a.833.833 0 0 1-1.666 0V7.083a.833.833 0 1 1 1.666 0v3.334Z',
  danger:
    'M10 1.667a8.333 8.333 0 1 0 0 16.666 8.333 8.333 0 0 0 0-16.666Zm0 12.5a.833.833 0 1 1 0-1.667.833.833 0 0 1 0 1.667Zm.833-3.75a.833.833 0 0 1-1.666 0V6.25a.833.833 0 1 1 1.666 0v4.167Z',
};

/** A message about the page or form. Problems (warn/danger) interrupt screen readers; others wait. */
export function Alert({ tone = 'info', title, children }: AlertProps) {
  const urgent = tone === 'danger' || tone === 'warn';
  return (
    <div className={`alert alert--${tone}`} role={urgent ? 'alert' : 'status'}>
      <svg className="alert__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path fill="currentColor" d={icons[tone]} />
      </svg>
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        {children ? <div className="alert__text">{children}</div> : null}
      </div>
    </div>
  );
}
