/** Small geometry shared by the compositor's steps. */

export interface Pt {
  x: number;
  y: number;
}

export function rotate(p: Pt, pivot: Pt, degrees: number): Pt {
  const r = (degrees * Math.PI) / 180;
  const dx = p.x - pivot.x;
  const dy = p.y - pivot.y;
  return {
    x: pivot.x + dx * Math.cos(r) - dy * Math.sin(r),
    y: pivot.y + dx * Math.sin(r) + dy * Math.cos(r),
  };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
