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
  /** Four mesh points with depth (z grows away from the camera), for `headPose`. */
  headAxes: HeadAxes;
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

export interface Point3 extends Point {
  z: number;
}

export interface HeadAxes {
  rightEyeOuter: Point3;
  leftEyeOuter: Point3;
  forehead: Point3;
  chin: Point3;
}

/**
 * The mesh's depth runs about twice as deep as its width: halving it makes these angles agree
 * with Human's own estimate on faces with little roll (compared on the labelled portraits'
 * geometry only, not their gaze labels).
 */
const MESH_DEPTH_SCALE = 0.5;

/**
 * Head pose in degrees from the face's own axes (eye corner to eye corner, forehead to chin),
 * read after taking the roll out, so a face lying on its side still reads as frontal (Human's
 * angles break beyond about 30° of roll). `yaw` > 0: turned to the image right; `pitch` > 0:
 * chin down; `roll` as `rollFromEyes`.
 */
export function headPose(axes: HeadAxes, depthScale = MESH_DEPTH_SCALE) {
  const v = (a: Point3, b: Point3) => [b.x - a.x, b.y - a.y, (b.z - a.z) * depthScale] as const;
  const unit = (a: readonly number[]) => {
    const length = Math.hypot(...a) || 1;
    return a.map((c) => c / length);
  };
  const cross = (a: readonly number[], b: readonly number[]) => [
    a[1]! * b[2]! - a[2]! * b[1]!,
    a[2]! * b[0]! - a[0]! * b[2]!,
    a[0]! * b[1]! - a[1]! * b[0]!,
  ];
  const across = unit(v(axes.rightEyeOuter, axes.leftEyeOuter));
  // The face's frame: across the eyes, its normal (away from the camera when frontal), and down.
  const normal = unit(cross(across, v(axes.forehead, axes.chin)));
  const down = cross(normal, across);
  // Roll is read from the face's own down axis, then taken out before reading yaw and pitch.
  const roll = Math.atan2(-down[0]!, down[1]!);
  const nx = normal[0]! * Math.cos(roll) + normal[1]! * Math.sin(roll);
  const ny = -normal[0]! * Math.sin(roll) + normal[1]! * Math.cos(roll);
  const degrees = 180 / Math.PI;
  return {
    yaw: Math.asin(Math.max(-1, Math.min(1, -nx))) * degrees,
    pitch: Math.atan2(-ny, normal[2]!) * degrees,
    roll: roll * degrees,
  };
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

/** The eye with every point moved by `move` (scaled, shifted into a crop, ...). */
export function mapEye(eye: EyeLandmarks, move: (p: Point) => Point): EyeLandmarks {
  return {
    outer: move(eye.outer),
    inner: move(eye.inner),
    iris: move(eye.iris),
    upperLid: eye.upperLid.map(move),
    lowerLid: eye.lowerLid.map(move),
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

/** Where the iris sits in the eye, in fractions of the eye's width (corner to corner). */
export interface IrisPosition {
  /** Along the corner line from the eye's centre: negative = image left, positive = image right. */
  horizontal: number;
  /** Across the corner line: negative = above it, positive = below it (the iris rests a little above). */
  vertical: number;
}

/**
 * The iris centre relative to the eye corners, in the eye's own frame (so a tilted head does
 * not read as a vertical glance). The corners are fixed to the skull, so this is the eye's
 * rotation in the head; the lids move with the gaze and are read by `eyeOpenness`.
 */
export function irisPosition(eye: EyeLandmarks): IrisPosition {
  const a = eye.outer.x < eye.inner.x ? eye.outer : eye.inner;
  const b = a === eye.outer ? eye.inner : eye.outer;
  const width = distance(a, b);
  if (width === 0) return { horizontal: 0, vertical: 0 };
  const ux = (b.x - a.x) / width;
  const uy = (b.y - a.y) / width;
  const dx = eye.iris.x - (a.x + b.x) / 2;
  const dy = eye.iris.y - (a.y + b.y) / 2;
  return { horizontal: (dx * ux + dy * uy) / width, vertical: (dy * ux - dx * uy) / width };
}

/** Both eyes averaged: each eye's iris rests nearer its outer corner, which cancels out. */
export function irisPositionOfBothEyes(
  face: Pick<DetectedFace, 'leftEye' | 'rightEye'>,
): IrisPosition {
  const left = irisPosition(face.leftEye);
  const right = irisPosition(face.rightEye);
  return {
    horizontal: (left.horizontal + right.horizontal) / 2,
    vertical: (left.vertical + right.vertical) / 2,
  };
}

/** How iris positions turn into eye rotation (tuned on the labelled portraits, see bench/). */
export interface GazeCalibration {
  /** Eye rotation in degrees per iris shift of one eye width, horizontally and vertically. */
  degreesPerIrisShift: { horizontal: number; vertical: number };
  /** Where the iris rests across the corner line when the eye looks straight ahead. */
  restingVertical: number;
}

export const GAZE_CALIBRATION: GazeCalibration = {
  degreesPerIrisShift: { horizontal: 100, vertical: 100 },
  restingVertical: 0,
};

/** Where the eyes point relative to the lens, in degrees. */
export interface GazeDirection {
  /** > 0: to the right of the lens (image right), < 0: to the left. */
  horizontal: number;
  /** > 0: below the lens, < 0: above it. */
  vertical: number;
  /** Angle between the line of sight and the line to the lens. */
  offLens: number;
}

const RADIANS = Math.PI / 180;

/**
 * The line of sight as head pose plus the eyes' rotation in the head. `yaw` > 0: face turned to
 * the image right; `pitch` > 0: chin down. An eye looking back at the lens from a turned head
 * cancels the turn, so a turned head with the eyes on the lens reads as on the lens.
 */
export function gazeDirection(
  head: { yaw: number; pitch: number },
  iris: IrisPosition,
  calibration: GazeCalibration = GAZE_CALIBRATION,
): GazeDirection {
  const horizontal = head.yaw + iris.horizontal * calibration.degreesPerIrisShift.horizontal;
  const vertical =
    head.pitch +
    (iris.vertical - calibration.restingVertical) * calibration.degreesPerIrisShift.vertical;
  const cos = Math.cos(horizontal * RADIANS) * Math.cos(vertical * RADIANS);
  const offLens = Math.acos(Math.max(-1, Math.min(1, cos))) / RADIANS;
  return { horizontal, vertical, offLens };
}
