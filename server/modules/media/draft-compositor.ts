import { createHash } from 'node:crypto';
import sharp from 'sharp';
import './sharp-settings';
import { IPTC_DIGITAL_SOURCE_TYPE } from '../../../shared/drafts/drafts.types';
import { computeMatte, decontaminate, type Region } from './matting';
import { blend, laplacianVariance, luminance, percentile, toBytes } from './pixel-math';
import { relight } from './relight';

/**
 * The draft studio's pixel work (sharp lives only under server/modules/media): working copies,
 * face measurements, mask refinement and the rendering of a styled, labelled variant. Runs in
 * the render worker threads, never on the API's event loop.
 */

export interface Pt {
  x: number;
  y: number;
}

export interface RawRgb {
  data: Uint8Array;
  width: number;
  height: number;
}

// ------------------------------------------------------------------ working copies -----------

/** A JPEG working copy (≤ maxDimension) and a small raw RGB copy for the models. */
export async function prepareWorkingImages(
  source: Buffer,
  workingMax: number,
  analysisMax: number,
): Promise<{
  working: Buffer;
  workingSize: { width: number; height: number };
  sourceSize: { width: number; height: number };
  analysis: RawRgb;
}> {
  const meta = await sharp(source).metadata();
  // The upload was already normalised to a JPEG of at most `workingMax`: use it as it is.
  const reuse = meta.format === 'jpeg' && Math.max(meta.width, meta.height) <= workingMax;
  const { data: working, info } = reuse
    ? { data: source, info: { width: meta.width, height: meta.height } }
    : await sharp(source)
        .resize(workingMax, workingMax, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 92 })
        .toBuffer({ resolveWithObject: true });
  const analysis = await sharp(working)
    .resize(analysisMax, analysisMax, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    working,
    workingSize: { width: info.width, height: info.height },
    sourceSize: { width: meta.width, height: meta.height },
    analysis: {
      data: new Uint8Array(analysis.data),
      width: analysis.info.width,
      height: analysis.info.height,
    },
  };
}

// ------------------------------------------------------------------ measurements --------------

export interface FaceLight {
  /** Focus measure on the face, normalised to a 256 px wide face. */
  sharpness: number;
  brightLuminance: number;
  highlightClipping: number;
  shadowClipping: number;
}

/** Sharpness, exposure and clipping on the inner face (the box shrunk to skip hair/background). */
export async function measureFace(
  image: Buffer,
  box: { x: number; y: number; width: number; height: number },
): Promise<FaceLight> {
  const meta = await sharp(image).metadata();
  const inset = { x: box.x + box.width * 0.2, y: box.y + box.height * 0.15 };
  const left = clamp(Math.round(inset.x), 0, meta.width - 2);
  const top = clamp(Math.round(inset.y), 0, meta.height - 2);
  const width = clamp(Math.round(box.width * 0.6), 2, meta.width - left);
  const height = clamp(Math.round(box.height * 0.7), 2, meta.height - top);
  const { data, info } = await sharp(image)
    .extract({ left, top, width, height })
    .resize(256, undefined, { kernel: 'cubic', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const lum = luminance(new Uint8Array(data));
  // Focus is judged on contrast-normalised luminance, so a dark photo is not also called soft.
  const p5 = percentile(lum, 0.05);
  const p95 = percentile(lum, 0.95);
  const stretch = 255 / Math.max(16, p95 - p5);
  const normalised = lum.map((l) => (l - p5) * stretch);
  let high = 0;
  let low = 0;
  for (const l of lum) {
    if (l >= 250) high += 1;
    if (l <= 6) low += 1;
  }
  return {
    sharpness: laplacianVariance(normalised, info.width, info.height),
    brightLuminance: p95,
    highlightClipping: high / lum.length,
    shadowClipping: low / lum.length,
  };
}

// ------------------------------------------------------------------ mask ---------------------

export interface SubjectMatte {
  /** Alpha at the working copy's size: a one-channel PNG. */
  matte: Buffer;
  /** The local person and background colours along the edge, and where to use them: a PNG. */
  edgeColours: Buffer;
  /** The refined coarse mask at the model's size (0–255), to find the top of the head. */
  coarse: { data: Uint8Array; width: number; height: number };
}

/**
 * The subject's alpha matte at the working copy's size, with hair detail, from the
 * segmentation model's coarse mask at the size of `small` (see matting.ts), plus what renders
 * need to show its edge without the old background's colour.
 */
export async function matteSubject(
  working: Buffer,
  small: RawRgb,
  coarse: Uint8Array,
  hair?: Region,
): Promise<SubjectMatte> {
  const { data, info } = await sharp(working)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image = {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
  const matte = computeMatte(image, small, coarse, hair);
  const { foreground, background, weight, width, height } = matte.edgeColours;
  // One PNG, three bands: person colours, background colours, where to use them (grey).
  const stacked = new Uint8Array(foreground.length * 3);
  stacked.set(foreground);
  stacked.set(background, foreground.length);
  for (let i = 0, o = 2 * foreground.length; i < weight.length; i++, o += 3) {
    stacked[o] = stacked[o + 1] = stacked[o + 2] = weight[i]!;
  }
  const [alphaPng, edgeColours] = await Promise.all([
    sharp(Buffer.from(matte.alpha.buffer), {
      raw: { width: matte.width, height: matte.height, channels: 1 },
    })
      // One grey channel (sharp would otherwise write the single band out as RGB).
      .toColourspace('b-w')
      .png({ compressionLevel: 2 })
      .toBuffer(),
    sharp(Buffer.from(stacked.buffer), { raw: { width, height: height * 3, channels: 3 } })
      .png({ compressionLevel: 3 })
      .toBuffer(),
  ]);
  return {
    matte: alphaPng,
    edgeColours,
    coarse: {
      data: toBytes(matte.prior),
      width: small.width,
      height: small.height,
    },
  };
}

/** Topmost row of the person above `belowY` in the columns [x0, x1] of a mask, or null. */
export function personTop(
  mask: { data: Uint8Array; width: number; height: number },
  x0: number,
  x1: number,
  belowY: number,
): number | null {
  const { data, width, height } = mask;
  const from = clamp(Math.round(x0), 0, width - 1);
  const to = clamp(Math.round(x1), 0, width - 1);
  for (let y = 0; y < Math.min(height, belowY); y++) {
    let solid = 0;
    for (let x = from; x <= to; x++) if (data[y * width + x]! > 128) solid += 1;
    if (solid >= Math.max(2, (to - from + 1) * 0.1)) return y;
  }
  return null;
}

// ------------------------------------------------------------------ rendering ----------------

export interface RenderFrame {
  /** Degrees, clockwise, around `pivot` (working-image pixels). */
  angle: number;
  pivot: Pt;
  /** The crop in the straightened frame, working-image pixels. */
  rect: { x: number; y: number; width: number; height: number };
  /**
   * Straightened y below which a body that runs out of the photo continues to the frame's edge
   * (the chin); above it, whatever touches the photo's edge fades out instead of continuing.
   */
  bodyTop?: number;
}

export interface RenderLook {
  backdrop: 'gradient' | 'solid' | 'blur';
  backdropColor: string;
  warmth: number;
  brightness: number;
  contrast: number;
  monochrome: boolean;
  retouch: number;
  /** Studio light (key, fill, rim, colour harmony; see relight.ts), 0–1. */
  relight: number;
}

export interface RetouchRegion {
  /** Polygons in working-image pixels. Skin = inside `outline`, minus eyes, brows and lips. */
  outline: Pt[];
  keepSharp: Pt[][];
}

export interface RenderRequest {
  working: Buffer;
  /** The subject's alpha: at the working copy's size (older drafts: the model's size). */
  mask: Buffer;
  /** Person and background colours along the edge (see matteSubject); older drafts have none. */
  edgeColours?: Buffer;
  frame: RenderFrame;
  look: RenderLook;
  retouch: RetouchRegion;
  /** Longest side of the HD image (never enlarged beyond the crop's own pixels). */
  hdMax: number;
  previewMax: number;
  /**
   * `preview`: everything is done at the preview's size (at most previewMax, never larger than
   * HD), marked, with its before image; `hd`: the HD image, unmarked.
   */
  output: 'preview' | 'hd';
}

export interface RenderedVariant {
  /** The marked preview, or the HD image. */
  image: Buffer;
  /** With a preview: the same crop of the untouched photo, for a before/after comparison. */
  before?: Buffer;
  /** The HD image's size (whichever was made). */
  width: number;
  height: number;
  textureRetained: number;
}

/** The strongest skin smoothing we allow: the mix never exceeds this, so texture survives. */
export const MAX_RETOUCH_MIX = 0.55;

export async function renderVariant(request: RenderRequest): Promise<RenderedVariant> {
  const { frame, look } = request;
  const hd = hdSize(frame.rect, request.hdMax);
  // The preview is never enlarged: at most previewMax, and never larger than the HD image.
  // It is rendered at its own size, not shrunk from the HD image: a fifth of the pixels to work.
  const { width, height, scale } =
    request.output === 'hd' ? hd : previewSize(hd, request.previewMax);
  const toOut = (p: Pt): Pt => {
    const s = rotate(p, frame.pivot, frame.angle);
    return { x: (s.x - frame.rect.x) * scale, y: (s.y - frame.rect.y) * scale };
  };

  const { person, alpha, subject } = await cutOutOnce(request, width, height, scale);

  const { image: smoothed, textureRetained } = await retouchSkin(
    subject,
    width,
    height,
    request.retouch,
    toOut,
    look.retouch,
  );
  const backdrop = await makeBackdrop(person, width, height, look);
  const lit = relight({
    image: smoothed,
    alpha,
    width,
    height,
    face: faceEllipse(request.retouch.outline.map(toOut)),
    backdrop: meanColour(backdrop),
    strength: look.relight,
  });
  const graded = await grade(lit, width, height, look);
  const composed = blend(backdrop, graded, alpha);

  const xmp = aiLabelXmp();
  const raw = { raw: { width, height, channels: 3 as const } };
  const sized = { width: hd.width, height: hd.height, textureRetained };
  if (request.output === 'hd') {
    const image = await sharp(bytesOf(composed), raw).jpeg({ quality: 90 }).withXmp(xmp).toBuffer();
    return { image, ...sized };
  }
  const [image, before] = await Promise.all([
    sharp(bytesOf(composed), raw)
      .composite([aiDraftMark(width, height)])
      .jpeg({ quality: 85 })
      .withXmp(xmp)
      .toBuffer(),
    sharp(bytesOf(person), raw).jpeg({ quality: 82 }).toBuffer(),
  ]);
  return { image, before, ...sized };
}

/** The preview's size for an HD size: at most `previewMax` on the long side, never larger. */
export function previewSize(
  hd: { width: number; height: number; scale: number },
  previewMax: number,
): { width: number; height: number; scale: number } {
  const preview = hdSize(hd, previewMax);
  return { ...preview, scale: hd.scale * preview.scale };
}

/** A crop of the photo, its matte and the photo with the person's own colour at the matte's edge. */
interface CutOut {
  person: Uint8Array;
  alpha: Float32Array;
  subject: Uint8Array;
}

/**
 * The last few preview cut-outs, kept in this render worker: a client adjusting a look (backdrop,
 * light, colour) re-renders the same crop of the same photo, and cutting it out is half of a
 * preview's work. Keyed by digests of the stored images and the exact frame and size; never
 * changed after it is made (every later step writes new arrays). HD cut-outs are not kept.
 */
const cutOuts = new Map<string, CutOut>();
const CUT_OUT_CACHE_ENTRIES = 3;

async function cutOutOnce(
  request: RenderRequest,
  width: number,
  height: number,
  scale: number,
): Promise<CutOut> {
  const keep = request.output === 'preview';
  const key = keep
    ? [
        digest(request.working),
        digest(request.mask),
        request.edgeColours ? digest(request.edgeColours) : '-',
        JSON.stringify(request.frame),
        width,
        height,
      ].join('|')
    : '';
  const hit = keep ? cutOuts.get(key) : undefined;
  if (hit) {
    cutOuts.delete(key);
    cutOuts.set(key, hit);
    return hit;
  }
  const made = await cutOut(request, width, height, scale);
  if (keep) {
    cutOuts.set(key, made);
    while (cutOuts.size > CUT_OUT_CACHE_ENTRIES) cutOuts.delete(cutOuts.keys().next().value!);
  }
  return made;
}

async function cutOut(
  request: RenderRequest,
  width: number,
  height: number,
  scale: number,
): Promise<CutOut> {
  const { frame } = request;
  // Sizes from the headers: the pixels are decoded at the scale the crop needs.
  const workingMeta = await imageSize(request.working);
  const maskMeta = await imageSize(request.mask);
  const [person, matte] = await Promise.all([
    cropStraightened(request.working, workingMeta, frame, width, height, 3, 1),
    // The mask is stored smaller than the working copy: scale the frame to it.
    cropStraightened(
      request.mask,
      maskMeta,
      frame,
      width,
      height,
      1,
      maskMeta.width / workingMeta.width,
    ),
  ]);
  const alpha = new Float32Array(width * height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = matte[i]! / 255;
  fadeBeyondPhoto(alpha, width, height, frame, scale, workingMeta);
  // Edge pixels carry the old background's colour: lay the person's own colour there instead.
  const subject = request.edgeColours
    ? await decontaminatedCrop(
        person,
        alpha,
        request.edgeColours,
        frame,
        width,
        height,
        workingMeta.width,
      )
    : person;
  return { person, alpha, subject };
}

/** The face oval's bounding ellipse in output pixels, or null without an outline. */
function faceEllipse(outline: Pt[]): { cx: number; cy: number; rx: number; ry: number } | null {
  if (outline.length < 3) return null;
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (x1 - x0 < 4 || y1 - y0 < 4) return null;
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, rx: (x1 - x0) / 2, ry: (y1 - y0) / 2 };
}

function meanColour(rgb: Uint8Array): [number, number, number] {
  const sum = [0, 0, 0];
  // Every 7th pixel is plenty for a mean.
  let n = 0;
  for (let i = 0; i + 2 < rgb.length; i += 21) {
    sum[0]! += rgb[i]!;
    sum[1]! += rgb[i + 1]!;
    sum[2]! += rgb[i + 2]!;
    n += 1;
  }
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

/**
 * The HD image's size for a crop: the crop's own pixels in the working copy (never enlarged),
 * reduced to at most `hdMax` on the long side.
 */
export function hdSize(
  rect: { width: number; height: number },
  hdMax: number,
): { width: number; height: number; scale: number } {
  const scale = Math.min(1, hdMax / Math.max(rect.width, rect.height));
  return {
    width: Math.max(1, Math.round(rect.width * scale)),
    height: Math.max(1, Math.round(rect.height * scale)),
    scale,
  };
}

/**
 * The crop's pixels with the person's own colour at the edge of the matte (the old background
 * taken out), from the stored edge colours (see matteSubject): each edge pixel of the crop is
 * mapped back through the straightening onto their small grid.
 */
async function decontaminatedCrop(
  person: Uint8Array,
  alpha: Float32Array,
  edgeColours: Buffer,
  frame: RenderFrame,
  width: number,
  height: number,
  workingWidth: number,
): Promise<Uint8Array> {
  const { data, info } = await sharp(edgeColours)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const ew = info.width;
  const eh = Math.floor(info.height / 3);
  const n = ew * eh;
  const weight = new Uint8Array(n);
  for (let i = 0; i < n; i++) weight[i] = data[(2 * n + i) * 3]!;
  // Output pixel centre → straightened frame → working copy → grid cell (an affine map).
  const k = ew / workingWidth;
  const toGrid = (x: number, y: number): Pt => {
    const straight = {
      x: frame.rect.x + ((x + 0.5) * frame.rect.width) / width,
      y: frame.rect.y + ((y + 0.5) * frame.rect.height) / height,
    };
    const w = rotate(straight, frame.pivot, -frame.angle);
    return { x: w.x * k - 0.5, y: w.y * k - 0.5 };
  };
  const o = toGrid(0, 0);
  const dx = toGrid(1, 0);
  const dy = toGrid(0, 1);
  return decontaminate(
    { data: person, width, height },
    alpha,
    {
      foreground: new Uint8Array(data.buffer, data.byteOffset, n * 3),
      background: new Uint8Array(data.buffer, data.byteOffset + n * 3, n * 3),
      weight,
      width: ew,
      height: eh,
    },
    { ax: dx.x - o.x, bx: dy.x - o.x, cx: o.x, ay: dx.y - o.y, by: dy.y - o.y, cy: o.y },
  );
}

/** The machine-readable AI label (IPTC digital source type), and nothing else. */
export function aiLabelXmp(): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
    ` Iptc4xmpExt:DigitalSourceType="${IPTC_DIGITAL_SOURCE_TYPE}"/>`,
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('');
}

interface Decoded {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 3 };
}

/** A Buffer over the same memory (Buffer.from(typedArray) would copy a whole image). */
function bytesOf(pixels: Uint8Array): Buffer {
  return Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
}

function digest(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}

async function imageSize(input: Buffer): Promise<{ width: number; height: number }> {
  const { width, height } = await sharp(input).metadata();
  return { width, height };
}

/**
 * The last few stored images decoded to raw pixels, kept in this render worker: the three
 * styles of a new draft and a client’s successive adjustments render from the same working
 * copy and matte, and decoding a 2560 px JPEG and PNG was a third of each render. Keyed by a
 * digest of the bytes, so a different draft never gets another's pixels.
 */
const decodedCache = new Map<string, Decoded>();
const DECODED_CACHE_ENTRIES = 4;

/**
 * `input` decoded to raw pixels, at full size or (`half`) at half its size, which previews use:
 * a JPEG is then decoded at half size directly (libjpeg's DCT scaling), a quarter of the pixels
 * for every step after it.
 */
async function decodedOnce(input: Buffer, channels: 1 | 3, half = false): Promise<Decoded> {
  const key = `${channels}:${half ? 'half' : 'full'}:${digest(input)}`;
  const hit = decodedCache.get(key);
  if (hit) {
    decodedCache.delete(key);
    decodedCache.set(key, hit);
    return hit;
  }
  let image = sharp(input);
  if (half) {
    const { width = 2 } = await image.metadata();
    image = image.resize(Math.max(1, Math.round(width / 2)), undefined, { kernel: 'mitchell' });
  }
  const { data, info } = await (
    channels === 1 ? image.extractChannel(0) : image.removeAlpha().toColourspace('srgb')
  )
    .raw()
    .toBuffer({ resolveWithObject: true });
  const decoded: Decoded = { data, info: { width: info.width, height: info.height, channels } };
  decodedCache.set(key, decoded);
  while (decodedCache.size > DECODED_CACHE_ENTRIES) {
    decodedCache.delete(decodedCache.keys().next().value!);
  }
  return decoded;
}

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
async function cropStraightened(
  input: Buffer,
  /** `input`'s own size (read once from its header by the caller). */
  full: { width: number; height: number },
  frame: RenderFrame,
  width: number,
  height: number,
  channels: 1 | 3,
  k: number,
): Promise<Uint8Array> {
  // A preview at half the working copy's scale or less starts from the half-size decode.
  const half = Math.min(width / (frame.rect.width * k), height / (frame.rect.height * k)) <= 0.5;
  const decoded = await decodedOnce(input, channels, half);
  const meta = decoded.info;
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
  let region = sharp(decoded.data, { raw: decoded.info }).extract({
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
    ? await continueEdges(await region.raw().toBuffer({ resolveWithObject: true }), pad)
    : await region.raw().toBuffer({ resolveWithObject: true });

  const bw = padded.info.width;
  const bh = padded.info.height;
  const rotated =
    frame.angle === 0
      ? padded
      : await sharp(padded.data, { raw: { width: bw, height: bh, channels: padded.info.channels } })
          .rotate(frame.angle, { background })
          .raw()
          .toBuffer({ resolveWithObject: true });
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
  const { data } = await crop.raw().toBuffer({ resolveWithObject: true });
  return new Uint8Array(data);
}

/**
 * Past the photo's edges (a tight frame) the matte continues the photo's edge outward; above
 * `frame.bodyTop` (hair, a neighbour, background clutter touching the edge) it fades out over a
 * short distance instead, so nothing but the body runs on to the frame's edge.
 */
function fadeBeyondPhoto(
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
    sharp(region.data, raw).extend(extend).raw().toBuffer({ resolveWithObject: true }),
    sharp(region.data, raw)
      .resize(Math.max(1, Math.round(width / f)), Math.max(1, Math.round(height / f)), {
        fit: 'fill',
      })
      .blur(sigma / f)
      .raw()
      .toBuffer()
      .then((small) =>
        sharp(small, {
          raw: {
            width: Math.max(1, Math.round(width / f)),
            height: Math.max(1, Math.round(height / f)),
            channels,
          },
        })
          .resize(width, height, { fit: 'fill', kernel: 'cubic' })
          .extend(extend)
          .raw()
          .toBuffer({ resolveWithObject: true }),
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
 * Gentle skin smoothing: a blurred copy mixed in only on the skin of the face (face oval minus
 * eyes, brows and lips, feathered), at most MAX_RETOUCH_MIX. Returns the share of fine texture
 * that survived, measured on the skin.
 */
async function retouchSkin(
  image: Uint8Array,
  width: number,
  height: number,
  region: RetouchRegion,
  toOut: (p: Pt) => Pt,
  strength: number,
): Promise<{ image: Uint8Array; textureRetained: number }> {
  const outline = region.outline.map(toOut);
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  const faceWidth = Math.max(...xs) - Math.min(...xs);
  if (outline.length < 3 || faceWidth < 8) return { image, textureRetained: 1 };
  const sigma = clamp(faceWidth / 110, 0.6, 12);
  // Skin lies inside the face oval: work on its box (plus the blur's reach) only, not the frame.
  const pad = Math.ceil(sigma * 3 + faceWidth * 0.05);
  const x0 = clamp(Math.floor(Math.min(...xs)) - pad, 0, width - 1);
  const y0 = clamp(Math.floor(Math.min(...ys)) - pad, 0, height - 1);
  const bw = clamp(Math.ceil(Math.max(...xs)) + pad, x0 + 1, width) - x0;
  const bh = clamp(Math.ceil(Math.max(...ys)) + pad, y0 + 1, height) - y0;
  const box = new Uint8Array(bw * bh * 3);
  for (let y = 0; y < bh; y++) {
    const from = ((y0 + y) * width + x0) * 3;
    box.set(image.subarray(from, from + bw * 3), y * bw * 3);
  }

  const path = (points: Pt[], fill: string) =>
    `<polygon points="${points.map((p) => `${((p.x - x0) * q).toFixed(1)},${((p.y - y0) * q).toFixed(1)}`).join(' ')}" fill="${fill}"/>`;
  // Rasterised at a quarter of the size and scaled up: it is feathered anyway.
  const q = 0.25;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.max(1, Math.ceil(bw * q))}" height="${Math.max(1, Math.ceil(bh * q))}"><rect width="100%" height="100%" fill="black"/>${path(outline, 'white')}${region.keepSharp.map((poly) => path(poly.map(toOut), 'black')).join('')}</svg>`;
  const feather = Math.max(0.6, (faceWidth * q) / 40);
  const { data: maskData } = await sharp(Buffer.from(svg))
    .blur(feather)
    .resize(bw, bh, { fit: 'fill', kernel: 'cubic' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const skin = new Float32Array(bw * bh);
  const channels = maskData.length / (bw * bh);
  for (let i = 0; i < skin.length; i++) skin[i] = maskData[i * channels]! / 255;

  const before = laplacianVariance(luminance(box), bw, bh, skin);
  if (strength <= 0) return { image, textureRetained: 1 };

  const { data: blurred } = await sharp(bytesOf(box), {
    raw: { width: bw, height: bh, channels: 3 },
  })
    .blur(sigma)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const smoothed = blend(
    box,
    new Uint8Array(blurred),
    skin,
    3,
    clamp(strength, 0, 1) * MAX_RETOUCH_MIX,
  );
  const after = laplacianVariance(luminance(smoothed), bw, bh, skin);
  const out = new Uint8Array(image);
  for (let y = 0; y < bh; y++) {
    out.set(smoothed.subarray(y * bw * 3, (y + 1) * bw * 3), ((y0 + y) * width + x0) * 3);
  }
  return { image: out, textureRetained: before > 0 ? Math.min(1, after / before) : 1 };
}

/** The "ambience": warmth, brightness and contrast as one linear map per channel, or B&W. */
async function grade(
  image: Uint8Array,
  width: number,
  height: number,
  look: RenderLook,
): Promise<Uint8Array> {
  const gain = 1 + 0.25 * look.brightness;
  const contrast = 1 + 0.45 * look.contrast;
  const warm = 0.07 * look.warmth;
  const base = sharp(bytesOf(image), { raw: { width, height, channels: 3 } });
  // Black and white: convert first (warmth has no meaning), then one curve for the grey band.
  const pipeline = look.monochrome
    ? base.greyscale().linear(gain * contrast, 128 * (1 - contrast))
    : base.linear(
        [gain * contrast * (1 + warm), gain * contrast, gain * contrast * (1 - warm)],
        [0, 0, 0].map(() => 128 * (1 - contrast)),
      );
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return info.channels === 3
    ? new Uint8Array(data)
    : expandToRgb(new Uint8Array(data), info.channels);
}

async function makeBackdrop(
  photo: Uint8Array,
  width: number,
  height: number,
  look: RenderLook,
): Promise<Uint8Array> {
  const colour = look.monochrome ? toGrey(look.backdropColor) : look.backdropColor;
  if (look.backdrop === 'solid') {
    const [r, g, b] = hexToRgb(colour);
    const out = new Uint8Array(width * height * 3);
    for (let i = 0; i < out.length; i += 3) {
      out[i] = r;
      out[i + 1] = g;
      out[i + 2] = b;
    }
    return out;
  }
  if (look.backdrop === 'gradient') {
    const sw = Math.max(8, Math.round(width / 4));
    const sh = Math.max(8, Math.round(height / 4));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${sw}" height="${sh}"><defs><radialGradient id="g" cx="50%" cy="36%" r="75%"><stop offset="0" stop-color="${shade(colour, 0.18)}"/><stop offset="0.55" stop-color="${colour}"/><stop offset="1" stop-color="${shade(colour, -0.3)}"/></radialGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
    const { data } = await sharp(Buffer.from(svg))
      .resize(width, height, { fit: 'fill', kernel: 'cubic' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return new Uint8Array(data);
  }
  // The person's own surroundings, heavily defocused (like a wide aperture), then graded.
  const small = Math.max(8, Math.round(width / 12));
  const { data } = await sharp(bytesOf(photo), { raw: { width, height, channels: 3 } })
    .resize(small, undefined, { kernel: 'cubic' })
    .blur(2.2)
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return grade(new Uint8Array(data), width, height, {
    ...look,
    brightness: look.brightness - 0.15,
  });
}

/** The visible "AI draft" mark on previews: a pill in the lower right corner. */
function aiDraftMark(width: number, height: number): sharp.OverlayOptions {
  // Legible but modest on tiny previews too (a 125 px wide crop: a third of the width, not half).
  const size = Math.max(9, Math.round(Math.min(width, height) * 0.045));
  const w = Math.round(size * 5.8);
  const h = Math.round(size * 1.8);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" rx="${h / 2}" fill="rgba(20,20,24,0.62)"/><text x="${w / 2}" y="${h / 2}" dominant-baseline="central" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-weight="bold" font-size="${size}" fill="#ffffff">AI draft</text></svg>`;
  return {
    input: Buffer.from(svg),
    left: Math.max(0, width - w - Math.round(size * 0.8)),
    top: Math.max(0, height - h - Math.round(size * 0.8)),
  };
}

function rotate(p: Pt, pivot: Pt, degrees: number): Pt {
  const r = (degrees * Math.PI) / 180;
  const dx = p.x - pivot.x;
  const dy = p.y - pivot.y;
  return {
    x: pivot.x + dx * Math.cos(r) - dy * Math.sin(r),
    y: pivot.y + dx * Math.sin(r) + dy * Math.cos(r),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex([r, g, b]: number[]): string {
  return `#${[r, g, b].map((v) => clamp(Math.round(v!), 0, 255).toString(16).padStart(2, '0')).join('')}`;
}

/** Lighter (amount > 0) or darker (amount < 0) version of a colour. */
function shade(hex: string, amount: number): string {
  const rgb = hexToRgb(hex);
  return rgbToHex(rgb.map((v) => (amount >= 0 ? v + (255 - v) * amount : v * (1 + amount))));
}

function toGrey(hex: string): string {
  const [r, g, b] = hexToRgb(hex);
  const l = 0.299 * r + 0.587 * g + 0.114 * b;
  return rgbToHex([l, l, l]);
}

function expandToRgb(data: Uint8Array, channels: number): Uint8Array {
  const n = data.length / channels;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) out.fill(data[i * channels]!, i * 3, i * 3 + 3);
  return out;
}
