/** Geometry of one detected face, in the pixel coordinates of the analysed image. */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EyeLandmarks {
  /** Eye corners (outer and inner) and the iris centre. */
  outer: Point;
  inner: Point;
  iris: Point;
  /** Upper and lower lid contours, from one corner to the other. */
  upperLid: Point[];
  lowerLid: Point[];
}

/**
 * What the face-analysis gateway returns for one face. Only geometry: no identity descriptor,
 * no age, gender or emotion estimate exists anywhere in this type.
 */
export interface DetectedFace {
  box: Box;
  score: number;
  /** Head angles in degrees: yaw > 0 = turned to the person's left (image right). */
  yaw: number;
  pitch: number;
  /** The person's own left and right eye. */
  leftEye: EyeLandmarks;
  rightEye: EyeLandmarks;
  /** The face oval, brows and lips: used to confine retouching and to find the chin. */
  outline: Point[];
  brows: Point[][];
  lips: Point[];
  chin: Point;
  mouthCorners: [Point, Point];
}

export const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

export const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** Rotates `p` by `degrees` (clockwise on screen, y pointing down) around `pivot`. */
export function rotatePoint(p: Point, pivot: Point, degrees: number): Point {
  const r = (degrees * Math.PI) / 180;
  const dx = p.x - pivot.x;
  const dy = p.y - pivot.y;
  return {
    x: pivot.x + dx * Math.cos(r) - dy * Math.sin(r),
    y: pivot.y + dx * Math.sin(r) + dy * Math.cos(r),
  };
}

export function eyeCentre(eye: EyeLandmarks): Point {
  return midpoint(eye.outer, eye.inner);
}

/**
 * Head roll from the line between the eyes, in degrees; positive when the head leans so that
 * the person's left eye (image right) sits lower than their right eye.
 */
export function rollFromEyes(face: Pick<DetectedFace, 'leftEye' | 'rightEye'>): number {
  const right = eyeCentre(face.rightEye);
  const left = eyeCentre(face.leftEye);
  return (Math.atan2(left.y - right.y, left.x - right.x) * 180) / Math.PI;
}

/** Lid opening relative to eye width (about 0.25–0.35 when open, under 0.12 when closed). */
export function eyeOpenness(eye: EyeLandmarks): number {
  const width = distance(eye.outer, eye.inner);
  if (width === 0) return 0;
  const pairs = Math.min(eye.upperLid.length, eye.lowerLid.length);
  let total = 0;
  let counted = 0;
  // Compare each upper-lid point with the nearest lower-lid point, middle of the eye only.
  for (const upper of eye.upperLid.slice(1, -1)) {
    const nearest = eye.lowerLid.reduce((best, lower) =>
      Math.abs(lower.x - upper.x) < Math.abs(best.x - upper.x) ? lower : best,
    );
    total += distance(upper, nearest);
    counted += 1;
  }
  return pairs === 0 || counted === 0 ? 0 : total / counted / width;
}

/**
 * Where the iris sits between the eye corners, along the eye line: 0 = centred, negative =
 * towards the image left, positive = towards the image right (fraction of eye width).
 */
export function irisOffset(eye: EyeLandmarks): number {
  const a = eye.outer.x < eye.inner.x ? eye.outer : eye.inner;
  const b = a === eye.outer ? eye.inner : eye.outer;
  const length = distance(a, b);
  if (length === 0) return 0;
  const along = ((eye.iris.x - a.x) * (b.x - a.x) + (eye.iris.y - a.y) * (b.y - a.y)) / length;
  return along / length - 0.5;
}

export function boundingBox(points: Point[]): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
