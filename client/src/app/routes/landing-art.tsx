import { useId } from 'react';

const looks = {
  draft: { from: '#e4f3ef', to: '#a9d3ca', jacket: '#34484d' },
  studio: { from: '#6b7b80', to: '#1c2528', jacket: '#1a2124' },
} as const;

/** A stylised head-and-shoulders portrait, so the hero needs no photo download. */
export function PortraitArt({ look }: { look: keyof typeof looks }) {
  const id = useId();
  const colours = looks[look];
  return (
    <svg viewBox="0 0 200 240" preserveAspectRatio="xMidYMid slice" focusable="false">
      <defs>
        <radialGradient id={`${id}-bg`} cx="50%" cy="38%" r="75%">
          <stop offset="0%" stopColor={colours.from} />
          <stop offset="100%" stopColor={colours.to} />
        </radialGradient>
        <linearGradient id={`${id}-skin`} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0%" stopColor="#e9c3a2" />
          <stop offset="100%" stopColor="#c99572" />
        </linearGradient>
      </defs>
      <rect width="200" height="240" fill={`url(#${id}-bg)`} />
      <path d="M14 240c4-42 40-62 86-64 46 2 82 22 86 64Z" fill={colours.jacket} />
      <path d="M82 177l18 30 18-30Z" fill="#f3efe7" />
      <path d="M86 146v32q14 12 28 0v-32Z" fill="#c08c69" />
      <ellipse cx="100" cy="110" rx="33" ry="41" fill={`url(#${id}-skin)`} />
      <path
        d="M66 112c-4-36 16-50 35-50 22 0 37 14 33 50-5-17-17-27-34-27-16 0-28 9-34 27Z"
        fill="#3a2a22"
      />
    </svg>
  );
}
