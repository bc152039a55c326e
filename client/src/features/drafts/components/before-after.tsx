import { useState } from 'react';

/** The untouched crop and the AI draft on top of each other, split by a slider. */
export function BeforeAfter({
  before,
  after,
  label,
}: {
  before: string;
  after: string;
  label: string;
}) {
  const [split, setSplit] = useState(50);
  return (
    <figure className="before-after">
      <div className="before-after__frame">
        <img src={before} alt={`${label}: your photo before`} className="before-after__img" />
        <img
          src={after}
          alt={`${label}: the AI draft`}
          className="before-after__img before-after__after"
          style={{ clipPath: `inset(0 0 0 ${split}%)` }}
        />
        <div className="before-after__line" style={{ left: `${split}%` }} aria-hidden="true" />
        <span className="before-after__tag before-after__tag--left">Before</span>
        <span className="before-after__tag before-after__tag--right">AI draft</span>
      </div>
      <label className="before-after__control">
        <span className="visually-hidden">Move the split between before and after</span>
        <input
          type="range"
          min={0}
          max={100}
          value={split}
          onChange={(event) => setSplit(Number(event.target.value))}
        />
      </label>
    </figure>
  );
}
