import sharp from 'sharp';
import '../../../../common/sharp-settings';
import { clamp, rotate } from './compositor-geometry';
import type { RenderFrame } from './compositor-types';
import { pixelSource } from './decoded-images';

/**
 * Cuts the straightened crop out of `input` and scales it to width × height: RGB for a photo,
 * one channel for a mask. Only the part under the crop is shrunk to about the output's scale
 * and rotated.
 * Where the crop reaches past the photo (a tight frame), the photo and its mask both continue
 * their own edge pixels outward: background stays background (the backdrop shows), and a body
 * that runs out of the photo continues to the frame's edge instead of ending at the photo's
 * (possibly rotated) edge as a hard line. `k` converts working-image pixels to `input` pixels
 * (the mask is stored smaller).
 */
export async function cropStraightened(
  input: Buffer,
  /** `input`'s own size (read once from its header by the caller). */
  full: { width: number; height: number },
  frame: RenderFrame,
  width: number,
  height: number,
  channels: 1 | 3,
  k: number,
  /** Keep `input`'s decoded pixels for the next render (previews; see pixelSource). */
  keep: boolean,
): Promise<Uint8Array> {
  // A preview at half the working copy's scale or less starts from the half-size decode.
  const half = Math.min(width / (frame.rect.width * k), height / (frame.rect.height * k)) <= 0.5;
  const source = await pixelSource(input, channels, { half, keep, size: full });
  const meta = source.info;
  // Working-image pixels → decoded pixels, per axis (the half size is rounded).
  const fx = (k * meta.width) / full.width;
  const fy = (k * meta.height) / full.height;
  const pivot = { x: frame.pivot.x * fx, y: frame.pivot.y * fy };
  const r = {
    x: frame.rect.x * fx,
    y: frame.rect.y * fy,
    width: frame.rect.width * fx,
    height: frame.rect.height * fy,
  };
  const corners = [
    { x: r.x, y: r.y },
    { x: r.x + r.width, y: r.y },
    { x: r.x + r.width, y: r.y + r.height },
    { x: r.x, y: r.y + r.height },
  ].map((p) => rotate(p, pivot, -frame.angle));
  const bx0 = Math.floor(Math.min(...corners.map((p) => p.x))) - 2;
  const by0 = Math.floor(Math.min(...corners.map((p) => p.y))) - 2;
  const bx1 = Math.ceil(Math.max(...corners.map((p) => p.x))) + 2;
  const by1 = Math.ceil(Math.max(...corners.map((p) => p.y))) + 2;

  // The part of the bounding box inside the photo, then padding for the rest.
  const ix0 = clamp(bx0, 0, meta.width - 1);
  const iy0 = clamp(by0, 0, meta.height - 1);
  const ix1 = clamp(bx1, ix0 + 1, meta.width);
  const iy1 = clamp(by1, iy0 + 1, meta.height);
  const background = { r: 0, g: 0, b: 0, alpha: 1 };
  // Shrunk to about the output's scale first (area resampling), so the rotation and everything
  // after it work on the output's pixels, not the working copy's.
  const shrink = Math.min(width / r.width, height / r.height);
  const iw = ix1 - ix0;
  const ih = iy1 - iy0;
  const sw = shrink < 0.95 ? Math.max(1, Math.round(iw * shrink)) : iw;
  const sh = shrink < 0.95 ? Math.max(1, Math.round(ih * shrink)) : ih;
  // The exact scale on each axis after rounding: box, pivot and crop are carried over with it.
  const kx = sw / iw;
  const ky = sh / ih;
  let region = source.image.extract({
    left: ix0,
    top: iy0,
    width: iw,
    height: ih,
  });
  if (sw !== iw || sh !== ih) {
    region = region.resize(sw, sh, { fit: 'fill', kernel: channels === 1 ? 'cubic' : 'mitchell' });
  }
  const pad = {
    left: Math.round((ix0 - bx0) * kx),
    top: Math.round((iy0 - by0) * ky),
    right: Math.round((bx1 - ix1) * kx),
    bottom: Math.round((by1 - iy1) * ky),
  };
  // The box's top left corner, in shrunk pixels.
  const box0 = { x: ix0 * kx - pad.left, y: iy0 * ky - pad.top };
  const outside = pad.left > 0 || pad.top > 0 || pad.right > 0 || pad.bottom > 0;
  const padded = outside
    ? await continueEdges(await rawOf(region, channels).toBuffer({ resolveWithObject: true }), pad)
    : await rawOf(region, channels).toBuffer({ resolveWithObject: true });

  const bw = padded.info.width;
  const bh = padded.info.height;
  const rotated =
    frame.angle === 0
      ? padded
      : await rawOf(
          sharp(padded.data, { raw: { width: bw, height: bh, channels } }).rotate(frame.angle, {
            background,
          }),
          channels,
        ).toBuffer({ resolveWithObject: true });
  const rw = rotated.info.width;
  const rh = rotated.info.height;
  // Where the crop's centre lands in the rotated box (shrunk pixels).
  const centre = rotate({ x: r.x + r.width / 2, y: r.y + r.height / 2 }, pivot, -frame.angle);
  const inBox = { x: centre.x * kx - box0.x - bw / 2, y: centre.y * ky - box0.y - bh / 2 };
  const turned = rotate(inBox, { x: 0, y: 0 }, frame.angle);
  const left = clamp(Math.round(turned.x + rw / 2 - (r.width * kx) / 2), 0, rw - 1);
  const top = clamp(Math.round(turned.y + rh / 2 - (r.height * ky) / 2), 0, rh - 1);
  const cw = clamp(Math.round(r.width * kx), 1, rw - left);
  const ch = clamp(Math.round(r.height * ky), 1, rh - top);
  let crop = sharp(rotated.data, {
    raw: { width: rw, height: rh, channels: rotated.info.channels },
  }).extract({ left, top, width: cw, height: ch });
  if (cw !== width || ch !== height) {
    crop = crop.resize(width, height, {
      fit: 'fill',
      kernel: channels === 1 ? 'cubic' : 'mitchell',
    });
  }
  crop = channels === 1 ? crop.extractChannel(0) : crop.removeAlpha();
  const { data } = await rawOf(crop, channels).toBuffer({ resolveWithObject: true });
  // sharp's output is its own allocation: a view, not a copy.
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/**
 * Past the photo's edges (a tight frame) the matte continues the photo's edge outward; above
 * `frame.bodyTop` (hair, a neighbour, background clutter touching the edge) it fades out over a
 * short distance instead, so nothing but the body runs on to the frame's edge.
 */
export function fadeBeyondPhoto(
  alpha: Float32Array,
  width: number,
  height: number,
  frame: RenderFrame,
  scale: number,
  photo: { width: number; height: number },
): void {
  const inside = (x: number, y: number) => {
    const p = rotate({ x, y }, frame.pivot, -frame.angle);
    return p.x >= 0 && p.y >= 0 && p.x <= photo.width && p.y <= photo.height;
  };
  const { x: rx, y: ry, width: rw, height: rh } = frame.rect;
  if (inside(rx, ry) && inside(rx + rw, ry) && inside(rx, ry + rh) && inside(rx + rw, ry + rh))
    return;
  const fade = Math.max(3, frame.rect.height * 0.08);
  const a = (-frame.angle * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  // From the chin down over this band, the body's continuation takes over from the fade.
  const band = frame.rect.height * 0.1;
  for (let y = 0; y < height; y++) {
    const sy = frame.rect.y + (y + 0.5) / scale;
    const body = frame.bodyTop === undefined ? 0 : clamp((sy - frame.bodyTop) / band, 0, 1);
    if (body >= 1) continue;
    for (let x = 0; x < width; x++) {
      const sx = frame.rect.x + (x + 0.5) / scale;
      // Back to the photo's own pixels.
      const dx = sx - frame.pivot.x;
      const dy = sy - frame.pivot.y;
      const px = frame.pivot.x + dx * cos - dy * sin;
      const py = frame.pivot.y + dx * sin + dy * cos;
      const out = Math.max(-px, px - photo.width, -py, py - photo.height);
      if (out > 0) alpha[y * width + x]! *= body + (1 - body) * Math.max(0, 1 - out / fade);
    }
  }
}

/**
 * Continues a region's edge pixels outward by `pad` on each side: right at the photo's edge as
 * they are (no seam), and further out more and more smoothed along the edge (a blurred copy of
 * the region, stretched), so what runs out of the photo continues as soft colour — no streaks,
 * no thin lines (a collar, a strand of hair) drawn on to the frame's edge.
 */
async function continueEdges(
  region: { data: Buffer; info: sharp.OutputInfo },
  pad: { left: number; top: number; right: number; bottom: number },
): Promise<{ data: Buffer; info: sharp.OutputInfo }> {
  const { width, height, channels } = region.info;
  const raw = { raw: { width, height, channels } };
  const sigma = clamp(Math.max(width, height) / 25, 3, 40);
  const extend = { ...pad, extendWith: 'copy' as const };
  // The wide blur is made at a fraction of the size and enlarged again: the same soft colour,
  // without a 40-pixel Gaussian over every pixel of the region.
  const f = Math.max(1, Math.floor(sigma / 4));
  const [sharpCopy, blurredCopy] = await Promise.all([
    rawOf(sharp(region.data, raw).extend(extend), channels).toBuffer({ resolveWithObject: true }),
    rawOf(
      sharp(region.data, raw)
        .resize(Math.max(1, Math.round(width / f)), Math.max(1, Math.round(height / f)), {
          fit: 'fill',
        })
        .blur(sigma / f),
      channels,
    )
      .toBuffer()
      .then((small) =>
        rawOf(
          sharp(small, {
            raw: {
              width: Math.max(1, Math.round(width / f)),
              height: Math.max(1, Math.round(height / f)),
              channels,
            },
          })
            .resize(width, height, { fit: 'fill', kernel: 'cubic' })
            .extend(extend),
          channels,
        ).toBuffer({ resolveWithObject: true }),
      ),
  ]);
  const w = sharpCopy.info.width;
  const h = sharpCopy.info.height;
  const out = sharpCopy.data;
  const blurred = blurredCopy.data;
  const reach = Math.max(4, sigma * 2);
  for (let y = 0; y < h; y++) {
    const dy = Math.max(pad.top - y, y - (pad.top + height - 1), 0);
    for (let x = 0; x < w; x++) {
      const d = Math.max(pad.left - x, x - (pad.left + width - 1), dy);
      if (d <= 0) continue;
      const t = Math.min(1, d / reach);
      for (let c = 0; c < channels; c++) {
        const k = (y * w + x) * channels + c;
        out[k] = Math.round(out[k]! * (1 - t) + blurred[k]! * t);
      }
    }
  }
  return { data: out, info: sharpCopy.info };
}

/**
 * A pipeline's raw output with `channels` channels: sharp writes one-channel raw input out as
 * three (sRGB) unless told otherwise, and a mask is kept to its one channel throughout.
 */
function rawOf(image: sharp.Sharp, channels: number): sharp.Sharp {
  return (channels === 1 ? image.toColourspace('b-w') : image).raw();
}
