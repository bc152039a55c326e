import type { CSSProperties } from 'react';
import './skeleton.css';

/** A grey placeholder in the shape of content that is loading. Hidden from screen readers. */
export function Skeleton({
  width,
  height = '1rem',
  radius,
  className,
}: {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  radius?: CSSProperties['borderRadius'];
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={['skeleton', className].filter(Boolean).join(' ')}
      style={{ width, height, borderRadius: radius }}
    />
  );
}
