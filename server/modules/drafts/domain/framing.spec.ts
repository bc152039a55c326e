import {
  EYE_LINE,
  frame,
  type FramingInput,
  HEAD_SHARE,
  straighteningAngle,
  toOutput,
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
