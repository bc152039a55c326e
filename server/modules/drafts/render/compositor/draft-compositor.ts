import sharp from 'sharp';
import '../../../../common/sharp-settings';
import { IPTC_DIGITAL_SOURCE_TYPE } from '../../../../../shared/drafts/drafts.types';
import { decontaminate } from './matting';
import { blend } from './pixel-math';
import { relight } from './relight';
import { type Pt, rotate } from './compositor-geometry';
import type { RenderFrame, RenderLook, RetouchRegion } from './compositor-types';
import { bytesOf, digest, imageSize } from './decoded-images';
import { aiDraftMark, grade, makeBackdrop, retouchSkin } from './finishing';
import { cropStraightened, fadeBeyondPhoto } from './straighten';

export type { Pt } from './compositor-geometry';
export type { RenderFrame, RenderLook, RetouchRegion } from './compositor-types';
export { hexToRgb, MAX_RETOUCH_MIX } from './finishing';
export {
  type FaceLight,
  matteSubject,
  measureFace,
  personTop,
  prepareWorkingImages,
  type RawRgb,
  regionRgb,
  type RegionRgb,
  type SubjectMatte,
} from './working-images';

/**
 * The draft studio's pixel work (sharp lives only under server/modules/media): working copies,
 * face measurements, mask refinement and the rendering of a styled, labelled variant. Runs in
 * the render worker threads, never on the API's event loop.
 */

// ------------------------------------------------------------------ rendering ----------------

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
  /**
   * A full garbage collection (the render worker's `gc`), called as an HD crop is cut out: it
   * leaves tens of megabytes of intermediate buffers behind as garbage, given back before the
   * rest of the render allocates its own. Previews (small, frequent) do not call it.
   */
  collectGarbage?: () => void;
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

export async function renderVariant(request: RenderRequest): Promise<RenderedVariant> {
  const hd = hdSize(request.frame.rect, request.hdMax);
  // The preview is never enlarged: at most previewMax, and never larger than the HD image.
  // It is rendered at its own size, not shrunk from the HD image: a fifth of the pixels to work.
  const size = request.output === 'hd' ? hd : previewSize(hd, request.previewMax);
  const { width, height } = size;
  const { composed, person, textureRetained } = await compose(request, size);

  const xmp = aiLabelXmp();
  const raw = { raw: { width, height, channels: 3 as const } };
  const sized = { width: hd.width, height: hd.height, textureRetained };
  if (request.output === 'hd') {
    // Every buffer of the render but the composed image is garbage now: given back before the
    // encoder allocates its own.
    request.collectGarbage?.();
    const image = await sharp(bytesOf(composed), raw).jpeg({ quality: 90 }).withXmp(xmp).toBuffer();
    return { image, ...sized };
  }
  const [image, before] = await Promise.all([
    sharp(bytesOf(composed), raw)
      .composite([aiDraftMark(width, height)])
      .jpeg({ quality: 85 })
      .withXmp(xmp)
      .toBuffer(),
    sharp(bytesOf(person!), raw).jpeg({ quality: 82 }).toBuffer(),
  ]);
  return { image, before, ...sized };
}

/**
 * The styled image at the output's size: the cut-out on its backdrop, retouched, lit and graded.
 * With a preview, also the untouched crop of the photo (its "before").
 */
async function compose(
  request: RenderRequest,
  { width, height, scale }: { width: number; height: number; scale: number },
): Promise<{ composed: Uint8Array; person?: Uint8Array; textureRetained: number }> {
  const { frame, look } = request;
  const toOut = (p: Pt): Pt => {
    const s = rotate(p, frame.pivot, frame.angle);
    return { x: (s.x - frame.rect.x) * scale, y: (s.y - frame.rect.y) * scale };
  };
  const { person, alpha, subject } = await cutOutOnce(request, width, height, scale);
  const backdrop = await makeBackdrop(person, width, height, look);
  // Every later step works in place on one canvas (an HD image's buffers are ~9 MB each): the
  // HD cut-out is this render's own; a preview's may be kept for the next render, so is copied.
  const canvas = request.output === 'hd' ? subject : new Uint8Array(subject);
  const textureRetained = await retouchSkin(
    canvas,
    width,
    height,
    request.retouch,
    toOut,
    look.retouch,
  );
  relight({
    image: canvas,
    alpha,
    width,
    height,
    face: faceEllipse(request.retouch.outline.map(toOut)),
    backdrop: meanColour(backdrop),
    strength: look.relight,
    inPlace: true,
  });
  grade(canvas, look);
  return {
    composed: blend(backdrop, canvas, alpha, 3, 1, backdrop),
    person: request.output === 'preview' ? person : undefined,
    textureRetained,
  };
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
  const keep = request.output === 'preview';
  // Sizes from the headers: the pixels are decoded at the scale the crop needs.
  const workingMeta = await imageSize(request.working);
  const maskMeta = await imageSize(request.mask);
  const cropPerson = () =>
    cropStraightened(request.working, workingMeta, frame, width, height, 3, 1, keep);
  // The mask may be stored smaller than the working copy: scale the frame to it.
  const cropMatte = () =>
    cropStraightened(
      request.mask,
      maskMeta,
      frame,
      width,
      height,
      1,
      maskMeta.width / workingMeta.width,
      keep,
    );
  // A preview's two crops run at once (its latency is a budget). An HD image's run one after
  // the other, each crop's intermediate buffers (tens of megabytes at HD size: the region, its
  // rotation) collected as soon as it is made: they were the HD render's peak memory.
  const collected = async (crop: Promise<Uint8Array>) => {
    const pixels = await crop;
    request.collectGarbage?.();
    return pixels;
  };
  const [person, matte] = keep
    ? await Promise.all([cropPerson(), cropMatte()])
    : [await collected(cropPerson()), await collected(cropMatte())];
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
