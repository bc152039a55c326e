import {
  EYE_LINE,
  frame,
  type FramingInput,
  HEAD_SHARE,
  straighteningAngle,
  CLOSE_UP_HEAD_SHARE,
  MAX_HEAD_SHARE,
  toOutput,
  toSource,
} from './framing';

function aPortrait(overrides: Partial<FramingInput> = {}): FramingInput {
  // A 2000 × 2500 photo with a head of 600 px (hair top 500, chin 1100), eyes at y = 820.
  return {
    image: { width: 2000, height: 2500 },
    eyes: { x: 1000, y: 820 },
    chin: { x: 1000, y: 1100 },
    hairTop: { x: 1000, y: 500 },
    roll: 0,
    straighten: true,
    crop: '4:5',
    ...overrides,
  };
}

describe(frame.name, () => {
  it.each(['1:1', '4:5', '3:2'] as const)(
    'puts the eye line a third from the top and centres the face (%s)',
    (crop) => {
      const f = frame(aPortrait({ crop }));
      const eye = toOutput({ x: 1000, y: 820 }, f, 1000);
      const outputHeight = (1000 * f.rect.height) / f.rect.width;
      expect(eye.y / outputHeight).toBeCloseTo(EYE_LINE, 2);
      expect(eye.x).toBeCloseTo(500, 0);
      expect(600 / f.rect.height).toBeCloseTo(HEAD_SHARE[crop], 2);
      expect(f.tight).toBe(false);
    },
  );

  it('never cuts the hair or the chin, even when the photo is tight', () => {
    const f = frame(aPortrait({ image: { width: 700, height: 1200 } }));
    expect(f.rect.y).toBeLessThan(500);
    expect(f.rect.y + f.rect.height).toBeGreaterThan(1100);
    expect(f.tight).toBe(true);
  });

  it('keeps the hair in when a tall hairstyle would poke above the third line', () => {
    const f = frame(aPortrait({ hairTop: { x: 1000, y: 200 } }));
    expect(f.rect.y).toBeLessThan(200);
  });

  it('stays inside a roomy photo', () => {
    const f = frame(aPortrait({ image: { width: 4000, height: 5000 }, crop: '3:2' }));
    expect(f.rect.x).toBeGreaterThanOrEqual(0);
    expect(f.rect.y + f.rect.height).toBeLessThanOrEqual(5000);
  });

  it('levels a tilted head: both eyes land on one output row', () => {
    const pivot = { x: 1000, y: 820 };
    const left = { x: 1000 + 100 * Math.cos(0.26), y: 820 + 100 * Math.sin(0.26) };
    const right = { x: 1000 - 100 * Math.cos(0.26), y: 820 - 100 * Math.sin(0.26) };
    const f = frame(aPortrait({ roll: 0.26 * (180 / Math.PI), eyes: pivot }));
    expect(toOutput(left, f, 800).y).toBeCloseTo(toOutput(right, f, 800).y, 5);
  });
});

describe(`${frame.name}: no borders`, () => {
  /** Is every corner of the frame inside the photo (in source pixels, half a pixel of slack)? */
  const insidePhoto = (f: ReturnType<typeof frame>, image: { width: number; height: number }) =>
    [
      { x: 0, y: 0 },
      { x: 1000, y: 0 },
      { x: 0, y: (1000 * f.rect.height) / f.rect.width },
      { x: 1000, y: (1000 * f.rect.height) / f.rect.width },
    ]
      .map((corner) => toSource(corner, f, 1000))
      .every(
        (s) => s.x >= -0.5 && s.y >= -0.5 && s.x <= image.width + 0.5 && s.y <= image.height + 0.5,
      );

  it.each([
    ['a roomy photo, level', aPortrait()],
    ['a head rolled 15°', aPortrait({ roll: 15 })],
    ['a head rolled −22°', aPortrait({ roll: -22, crop: '1:1' })],
    ['a landscape crop rolled 10°', aPortrait({ roll: 10, crop: '3:2' })],
  ])('keeps the whole frame inside the (straightened) photo: %s', (_, input) => {
    const f = frame(input);
    expect(f.tight).toBe(false);
    expect(insidePhoto(f, input.image)).toBe(true);
  });

  it('moves in closer rather than show the photo edge when the shoulders reach the bottom', () => {
    // Only 400 px of photo below the chin: the ideal 4:5 frame (1428 px tall) would run out.
    const input = aPortrait({ image: { width: 2000, height: 1500 } });
    const f = frame(input);
    expect(f.tight).toBe(false);
    expect(insidePhoto(f, input.image)).toBe(true);
    const share = 600 / f.rect.height;
    expect(share).toBeGreaterThan(HEAD_SHARE['4:5']);
    expect(share).toBeLessThanOrEqual(MAX_HEAD_SHARE + 1e-9);
    expect(f.rect.y).toBeLessThanOrEqual(500);
    expect(f.rect.y + f.rect.height).toBeGreaterThanOrEqual(1100);
  });

  it('moves the face off-centre a little when a side of the photo is near', () => {
    const input = aPortrait({
      eyes: { x: 560, y: 820 },
      chin: { x: 560, y: 1100 },
      hairTop: { x: 560, y: 500 },
    });
    const f = frame(input);
    expect(f.tight).toBe(false);
    expect(insidePhoto(f, input.image)).toBe(true);
    const eye = toOutput({ x: 560, y: 820 }, f, 1000);
    expect(Math.abs(eye.x - 500)).toBeLessThanOrEqual(160);
  });

  it('never cuts the top of the head the photo shows, on any crop or roll', () => {
    for (const crop of ['1:1', '4:5', '3:2'] as const) {
      for (const roll of [0, 8, -15, 25]) {
        for (const height of [1150, 1400, 2500]) {
          const f = frame(aPortrait({ crop, roll, image: { width: 2000, height } }));
          const top = toOutput({ x: 1000, y: 500 }, f, 1000);
          const chin = toOutput({ x: 1000, y: 1100 }, f, 1000);
          expect(top.y).toBeGreaterThan(0);
          expect(chin.y).toBeLessThan((1000 * f.rect.height) / f.rect.width);
        }
      }
    }
  });

  it.each([
    ['roomy below', 1300],
    ['tight', 700],
  ])('when the photo itself cuts the hair, the frame starts at the photo top (%s)', (_, height) => {
    const input = aPortrait({
      image: { width: 900, height },
      hairTop: { x: 450, y: 0 },
      eyes: { x: 450, y: 330 },
      chin: { x: 450, y: 620 },
    });
    const f = frame(input);
    const aboveHead = toSource({ x: 500, y: 0 }, f, 1000);
    expect(aboveHead.y).toBeGreaterThanOrEqual(-0.5);
    expect(toOutput(input.chin, f, 1000).y).toBeLessThan((1000 * f.rect.height) / f.rect.width);
  });

  it('reaches past the photo only when no close-up fits, and says so', () => {
    const input = aPortrait({ image: { width: 700, height: 1200 } });
    const f = frame(input);
    expect(f.tight).toBe(true);
    expect(insidePhoto(f, input.image)).toBe(false);
  });
});

describe(`${frame.name}: photos with little room`, () => {
  it('a close-up with no shoulders in it gets a close-up headshot, reported as tight', () => {
    // Chin 60 px above the photo's bottom edge: no head-and-shoulders frame exists.
    const input = aPortrait({ image: { width: 2000, height: 1160 } });
    const f = frame(input);
    expect(f.tight).toBe(true);
    const share = 600 / f.rect.height;
    expect(share).toBeGreaterThan(MAX_HEAD_SHARE);
    expect(share).toBeLessThanOrEqual(CLOSE_UP_HEAD_SHARE + 1e-9);
    expect(f.rect.y).toBeLessThanOrEqual(500 - 48 + 0.5);
  });

  it("the frame's part below the chin is always inside the photo when the frame is not tight", () => {
    for (const roll of [0, 6, -12, 20]) {
      for (const height of [1300, 1600, 2500]) {
        for (const crop of ['1:1', '4:5', '3:2'] as const) {
          const input = aPortrait({ roll, crop, image: { width: 1800, height } });
          const f = frame(input);
          if (f.tight) continue;
          const w = 1000;
          const h = (w * f.rect.height) / f.rect.width;
          const chinY = Math.max(0, toOutput(input.chin, f, w).y);
          for (const corner of [
            { x: 0, y: chinY },
            { x: w, y: chinY },
            { x: 0, y: h },
            { x: w, y: h },
          ]) {
            const s = toSource(corner, f, w);
            expect(s.x).toBeGreaterThanOrEqual(-1);
            expect(s.x).toBeLessThanOrEqual(1801);
            expect(s.y).toBeLessThanOrEqual(height + 1);
          }
        }
      }
    }
  });
});

describe(straighteningAngle.name, () => {
  it.each([
    [0.5, true, 0],
    [15, true, -15],
    [-8, true, 8],
    [40, true, -25],
    [15, false, 0],
  ])('roll %p° (straighten %p) → rotate %p°', (roll, straighten, expected) => {
    expect(straighteningAngle(roll, straighten)).toBe(expected);
  });
});
