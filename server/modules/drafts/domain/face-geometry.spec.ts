import {
  type EyeLandmarks,
  GAZE_CALIBRATION,
  gazeDirection,
  type HeadAxes,
  headPose,
  irisPosition,
  irisPositionOfBothEyes,
  type Point,
  rotatePoint,
} from './face-geometry';

/**
 * An eye 40 px wide with its outer corner at `outer`; the iris sits `along` and `across`
 * (fractions of the width: image right and down) from the eye's centre. `roll` rotates it all.
 */
function anEye(
  outer: Point,
  { along = 0, across = 0, roll = 0, side = 'imageLeft' } = {},
): EyeLandmarks {
  const inner = { x: outer.x + (side === 'imageLeft' ? 40 : -40), y: outer.y };
  const centre = { x: (outer.x + inner.x) / 2, y: outer.y };
  const iris = { x: centre.x + along * 40, y: centre.y + across * 40 };
  const turn = (p: Point) => rotatePoint(p, centre, roll);
  return {
    outer: turn(outer),
    inner: turn(inner),
    iris: turn(iris),
    upperLid: [outer, { x: centre.x, y: centre.y - 6 }, inner].map(turn),
    lowerLid: [outer, { x: centre.x, y: centre.y + 6 }, inner].map(turn),
  };
}

describe(irisPosition.name, () => {
  it.each([
    ['centred', { along: 0, across: 0 }, 0, 0],
    ['towards the image right', { along: 0.1, across: 0 }, 0.1, 0],
    ['towards the image left and down', { along: -0.15, across: 0.08 }, -0.15, 0.08],
    ['up', { along: 0, across: -0.1 }, 0, -0.1],
  ])('reads an iris %s in the eye frame', (_, placement, horizontal, vertical) => {
    const position = irisPosition(anEye({ x: 100, y: 100 }, placement));
    expect(position.horizontal).toBeCloseTo(horizontal, 5);
    expect(position.vertical).toBeCloseTo(vertical, 5);
  });

  it('does not mistake a tilted head for a glance up or down', () => {
    const tilted = irisPosition(anEye({ x: 100, y: 100 }, { along: 0.1, roll: 20 }));
    expect(tilted.horizontal).toBeCloseTo(0.1, 5);
    expect(tilted.vertical).toBeCloseTo(0, 5);
  });

  it('is the same whichever corner is outer (both eyes use image directions)', () => {
    const left = anEye({ x: 100, y: 100 }, { along: 0.1, side: 'imageLeft' });
    const right = anEye({ x: 240, y: 100 }, { along: 0.1, side: 'imageRight' });
    expect(irisPosition(left).horizontal).toBeCloseTo(irisPosition(right).horizontal, 5);
    expect(irisPositionOfBothEyes({ rightEye: left, leftEye: right }).horizontal).toBeCloseTo(
      0.1,
      5,
    );
  });
});

describe(gazeDirection.name, () => {
  const resting = GAZE_CALIBRATION.restingVertical;
  const k = GAZE_CALIBRATION.degreesPerIrisShift;
  it.each<
    [
      string,
      { yaw: number; pitch: number },
      { horizontal: number; vertical: number },
      { h: number; v: number },
    ]
  >([
    [
      'a frontal face with centred eyes is on the lens',
      { yaw: 0, pitch: 0 },
      { horizontal: 0, vertical: resting },
      { h: 0, v: 0 },
    ],
    [
      'eyes back on the lens from a turned head cancel the turn',
      { yaw: 25, pitch: 0 },
      { horizontal: -25 / k.horizontal, vertical: resting },
      { h: 0, v: 0 },
    ],
    [
      'eyes lowered in a level head look below the lens',
      { yaw: 0, pitch: 0 },
      { horizontal: 0, vertical: resting + 14 / k.vertical },
      { h: 0, v: 14 },
    ],
    [
      'chin down with the eyes level looks below the lens',
      { yaw: 0, pitch: 12 },
      { horizontal: 0, vertical: resting },
      { h: 0, v: 12 },
    ],
    [
      'head and eyes turned the same way add up',
      { yaw: -15, pitch: 0 },
      { horizontal: -10 / k.horizontal, vertical: resting },
      { h: -25, v: 0 },
    ],
  ])('%s', (_, head, iris, expected) => {
    const gaze = gazeDirection(head, iris);
    expect(gaze.horizontal).toBeCloseTo(expected.h, 5);
    expect(gaze.vertical).toBeCloseTo(expected.v, 5);
    expect(gaze.offLens).toBeGreaterThanOrEqual(
      Math.max(Math.abs(expected.h), Math.abs(expected.v)) - 1e-6,
    );
  });

  it('measures the angle off the lens in both directions at once', () => {
    const gaze = gazeDirection({ yaw: 10, pitch: 10 }, { horizontal: 0, vertical: resting });
    expect(gaze.offLens).toBeCloseTo(14.1, 1);
  });
});

/** A head's four axis points, turned by yaw (to the image right), pitch (chin down), then roll. */
function aHead({ yaw = 0, pitch = 0, roll = 0 }): HeadAxes {
  const r = Math.PI / 180;
  const turn = ([x, y, z]: [number, number, number]) => {
    // yaw about the vertical axis, then pitch about the horizontal one, then roll in the image.
    const x1 = x * Math.cos(yaw * r) - z * Math.sin(yaw * r);
    const z1 = x * Math.sin(yaw * r) + z * Math.cos(yaw * r);
    const y2 = y * Math.cos(pitch * r) - z1 * Math.sin(pitch * r);
    const z2 = y * Math.sin(pitch * r) + z1 * Math.cos(pitch * r);
    return {
      x: 300 + x1 * Math.cos(roll * r) - y2 * Math.sin(roll * r),
      y: 300 + x1 * Math.sin(roll * r) + y2 * Math.cos(roll * r),
      z: z2,
    };
  };
  return {
    rightEyeOuter: turn([-45, 0, 0]),
    leftEyeOuter: turn([45, 0, 0]),
    forehead: turn([0, -60, 0]),
    chin: turn([0, 90, 0]),
  };
}

describe(headPose.name, () => {
  it.each([
    [{ yaw: 0, pitch: 0, roll: 0 }],
    [{ yaw: 25, pitch: 0, roll: 0 }],
    [{ yaw: -30, pitch: 0, roll: 0 }],
    [{ yaw: 0, pitch: 15, roll: 0 }],
    [{ yaw: 0, pitch: -12, roll: 0 }],
    [{ yaw: 20, pitch: 10, roll: 15 }],
    // Lying on the side: Human reads such a face as turned 55° and pitched 47°.
    [{ yaw: 6, pitch: 5, roll: -75 }],
  ])('reads the pose %j whatever the roll', (pose) => {
    const read = headPose(aHead(pose), 1);
    expect(read.yaw).toBeCloseTo(pose.yaw, 3);
    expect(read.pitch).toBeCloseTo(pose.pitch, 3);
    expect(read.roll).toBeCloseTo(pose.roll, 3);
  });
});
