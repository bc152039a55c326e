import { isolateSubject, labelRegions, type MaskBox } from './subject-isolation';

/** A mask drawn from rectangles and discs (255 inside), the way a segmentation model marks people. */
function aMask(
  width: number,
  height: number,
  shapes: ({ rect: MaskBox } | { disc: { x: number; y: number; r: number } })[],
): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = shapes.some((s) =>
        'rect' in s
          ? x >= s.rect.x &&
            x < s.rect.x + s.rect.width &&
            y >= s.rect.y &&
            y < s.rect.y + s.rect.height
          : (x - s.disc.x) ** 2 + (y - s.disc.y) ** 2 <= s.disc.r ** 2,
      );
      if (inside) mask[y * width + x] = 255;
    }
  }
  return mask;
}

const kept = (mask: Uint8Array, width: number, box: MaskBox) => {
  let on = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) if (mask[y * width + x]! > 128) on += 1;
  }
  return on / (box.width * box.height);
};

// A 200 × 160 frame: the subject's head (disc) and shoulders (rectangle) in the middle.
const W = 200;
const H = 160;
const face: MaskBox = { x: 80, y: 30, width: 40, height: 44 };
const head = { disc: { x: 100, y: 52, r: 24 } };
const body = { rect: { x: 55, y: 76, width: 90, height: 84 } };
const neck = { rect: { x: 90, y: 70, width: 20, height: 10 } };

describe('labelRegions', () => {
  it('gives each 8-connected region its own label', () => {
    const solid = new Uint8Array([1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    const { labels, count } = labelRegions(solid, 4, 3);
    expect(count).toBe(2);
    expect([...labels]).toEqual([1, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]);
  });

  it('joins diagonal neighbours', () => {
    const { count } = labelRegions(new Uint8Array([1, 0, 0, 1]), 2, 2);
    expect(count).toBe(1);
  });
});

describe('isolateSubject', () => {
  it('drops a neighbour’s shoulder at the frame edge that does not touch the subject', () => {
    const neighbour = { rect: { x: 0, y: 90, width: 30, height: 70 } };
    const mask = aMask(W, H, [head, neck, body, neighbour]);
    const out = isolateSubject(mask, W, H, face);
    expect(kept(out, W, { x: 0, y: 90, width: 30, height: 70 })).toBe(0);
    expect(kept(out, W, { x: 85, y: 40, width: 30, height: 30 })).toBe(1);
    expect(kept(out, W, { x: 60, y: 100, width: 80, height: 50 })).toBe(1);
  });

  it('drops a half face reaching in from the edge, even above the shoulders', () => {
    const halfFace = { disc: { x: 0, y: 40, r: 22 } };
    const out = isolateSubject(aMask(W, H, [head, neck, body, halfFace]), W, H, face);
    expect(kept(out, W, { x: 0, y: 25, width: 15, height: 30 })).toBe(0);
  });

  it('drops a neighbour’s hand that touches the subject’s shoulder only by a thin bridge', () => {
    // A hand (from the right edge) resting on the shoulder: joined by a 2-pixel-thin contact.
    const arm = { rect: { x: 150, y: 95, width: 50, height: 20 } };
    const contact = { rect: { x: 145, y: 104, width: 5, height: 2 } };
    const out = isolateSubject(aMask(W, H, [head, neck, body, arm, contact]), W, H, face);
    expect(kept(out, W, { x: 160, y: 95, width: 40, height: 20 })).toBe(0);
    expect(kept(out, W, { x: 60, y: 100, width: 80, height: 50 })).toBe(1);
  });

  it('drops a neighbour joined on by a wide blur along the bottom of the frame', () => {
    // The model often fills the floor between two people: a 20-pixel band joins them.
    const neighbour = { rect: { x: 0, y: 70, width: 25, height: 90 } };
    const floor = { rect: { x: 0, y: 140, width: 60, height: 20 } };
    const out = isolateSubject(aMask(W, H, [head, neck, body, neighbour, floor]), W, H, face);
    expect(kept(out, W, { x: 0, y: 75, width: 20, height: 60 })).toBe(0);
    expect(kept(out, W, { x: 70, y: 90, width: 70, height: 60 })).toBe(1);
  });

  it('keeps the subject’s own raised arm, thick and joined to the body', () => {
    const raisedArm = { rect: { x: 135, y: 0, width: 22, height: 90 } };
    const out = isolateSubject(aMask(W, H, [head, neck, body, raisedArm]), W, H, face);
    expect(kept(out, W, { x: 137, y: 2, width: 18, height: 80 })).toBe(1);
  });

  it('keeps the soft edge of the subject as it was', () => {
    const mask = aMask(W, H, [head, neck, body]);
    mask[27 * W + 100] = 90; // faint hair pixels just above the head (its top is row 28)
    mask[26 * W + 100] = 40;
    const out = isolateSubject(mask, W, H, face);
    expect(out[27 * W + 100]).toBe(90);
    expect(out[26 * W + 100]).toBe(40);
  });
});
