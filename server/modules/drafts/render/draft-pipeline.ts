import type { VariantParams } from '../../../../shared/drafts/drafts.types';
import { DraftErrorCode } from '../../../../shared/drafts/drafts.types';
import {
  matteSubject,
  measureFace,
  personTop,
  prepareWorkingImages,
  regionRgb,
  type RegionRgb,
  renderVariant,
  type RenderedVariant,
} from './compositor/draft-compositor';
import { isolateSubject } from './compositor/subject-isolation';
import type { AnalysisOutcome, DraftAnalysis } from '../domain/draft-analysis';
import {
  type DetectedFace,
  distance,
  eyeCentre,
  eyeOpenness,
  gazeDirection,
  headPose,
  irisPositionOfBothEyes,
  mapEye,
  midpoint,
  type Point,
  rollFromEyes,
} from '../domain/face-geometry';
import { frame } from '../domain/framing';
import { withIrisFromPixels } from '../domain/iris-locator';
import { FACE_TOO_SMALL_PX } from '../domain/quality-report';
import type { FaceAnalysisGateway } from '../face-analysis.gateway';
import { ANALYSIS_MAX, HD_MAX, PREVIEW_MAX, WORKING_MAX } from './render-sizes';

export interface AnalysedPhoto {
  outcome: AnalysisOutcome;
  working?: Buffer;
  /** The subject's alpha matte at the working copy's size (PNG). */
  mask?: Buffer;
  /** Person and background colours along the matte's edge (PNG), for edge decontamination. */
  edgeColours?: Buffer;
}

/**
 * The first half of a draft: working copy, face analysis and person mask. Runs in a render
 * worker; `onStage` reports progress.
 */
export async function analysePhoto(
  engine: FaceAnalysisGateway,
  source: Buffer,
  onStage: (stage: 'analysing' | 'segmenting') => void,
): Promise<AnalysedPhoto> {
  onStage('analysing');
  const { working, workingSize, sourceSize, analysis } = await prepareWorkingImages(
    source,
    WORKING_MAX,
    ANALYSIS_MAX,
  );
  const toWorking = workingSize.width / analysis.width;
  const faces = await engine.detectFaces(analysis);
  const scaleBox = (f: DetectedFace) => ({
    x: Math.round(f.box.x * toWorking),
    y: Math.round(f.box.y * toWorking),
    width: Math.round(f.box.width * toWorking),
    height: Math.round(f.box.height * toWorking),
  });
  if (faces.length === 0) {
    return {
      outcome: {
        ok: false,
        failure: {
          code: DraftErrorCode.NoFace,
          message:
            'We could not find a face in this photo. Upload a photo of yourself, facing the camera, with your whole face visible.',
        },
      },
    };
  }
  if (faces.length > 1) {
    return {
      outcome: {
        ok: false,
        failure: {
          code: DraftErrorCode.MultipleFaces,
          message: `We found ${faces.length} faces. A headshot needs exactly one: crop the photo to yourself or use one where you are alone.`,
          details: { faces: faces.map(scaleBox), imageSize: workingSize },
        },
      },
    };
  }
  const face = scaleFace(faces[0]!, toWorking);
  if (face.box.height < FACE_TOO_SMALL_PX) {
    return {
      outcome: {
        ok: false,
        failure: {
          code: DraftErrorCode.FaceTooSmall,
          message: `Your face is only ${Math.round(face.box.height)} pixels tall in this photo; we need at least ${FACE_TOO_SMALL_PX}. Come closer to the camera or upload a larger photo.`,
          details: { faceHeightPx: Math.round(face.box.height), minimumPx: FACE_TOO_SMALL_PX },
        },
      },
    };
  }

  onStage('segmenting');
  const people = await engine.segmentPerson(analysis);
  // Only the person whose face was analysed: neighbours at the frame's edge are dropped.
  const faceInMask = {
    x: face.box.x / toWorking,
    y: face.box.y / toWorking,
    width: face.box.width / toWorking,
    height: face.box.height / toWorking,
  };
  const subject = isolateSubject(people, analysis.width, analysis.height, faceInMask);
  // Hair detail is matted around the head; shoulders and clothes keep the refined mask.
  const hair = {
    x: faceInMask.x - faceInMask.width * 0.5,
    y: faceInMask.y - faceInMask.height * 0.9,
    width: faceInMask.width * 2,
    height: faceInMask.height * 1.7,
  };
  const { matte: mask, edgeColours, coarse } = await matteSubject(working, analysis, subject, hair);

  const eyes = midpoint(eyeCentre(face.leftEye), eyeCentre(face.rightEye));
  // The coarse mask has the analysis image's size.
  const maskTop = personTop(
    coarse,
    (face.box.x + face.box.width * 0.3) / toWorking,
    (face.box.x + face.box.width * 0.7) / toWorking,
    eyes.y / toWorking,
  );
  const hairTopY = maskTop === null ? null : maskTop * toWorking;
  const eyeToChin = distance(eyes, face.chin);
  const hairTop: Point = {
    x: eyes.x,
    y: hairTopY === null ? eyes.y - 1.25 * eyeToChin : Math.min(hairTopY, eyes.y - 0.8 * eyeToChin),
  };
  // One decode of the face at the working copy's size, for its light and the irises.
  const pixels = await regionRgb(working, faceRegion(face));
  const light = await measureFace(pixels, face.box);
  const roll = rollFromEyes(face);
  // From the face's own axes, not Human's angles (which break when the head lies on its side).
  const { yaw, pitch } = headPose(face.headAxes);
  const irises = irisesInWorkingCopy(pixels, face);
  const gaze = gazeDirection({ yaw, pitch }, irises);
  const mouthWidth = distance(face.mouthCorners[0], face.mouthCorners[1]);
  const eyeDistance = distance(eyeCentre(face.leftEye), eyeCentre(face.rightEye));
  const analysisResult: DraftAnalysis = {
    working: workingSize,
    face: {
      box: face.box,
      eyes,
      chin: face.chin,
      hairTop,
      roll,
      outline: face.outline,
      keepSharp: [
        [...face.leftEye.upperLid, ...[...face.leftEye.lowerLid].reverse()],
        [...face.rightEye.upperLid, ...[...face.rightEye.lowerLid].reverse()],
        ...face.brows,
        face.lips,
      ].map((poly) => expand(poly, 1.35)),
    },
    measurements: {
      faceHeightPx: face.box.height * (sourceSize.width / workingSize.width),
      roll,
      yaw,
      pitch,
      gaze: gaze.horizontal,
      gazeVertical: gaze.vertical,
      eyeOpenness: Math.min(eyeOpenness(face.leftEye), eyeOpenness(face.rightEye)),
      sharpness: light.sharpness,
      faceBrightLuminance: light.brightLuminance,
      highlightClipping: light.highlightClipping,
      shadowClipping: light.shadowClipping,
      smile: eyeDistance > 0 ? mouthWidth / eyeDistance : 0,
    },
  };
  return { outcome: { ok: true, analysis: analysisResult }, working, mask, edgeColours };
}

/** Renders one styled variant from the stored analysis, working copy and mask. */
export async function renderDraftVariant(input: {
  analysis: DraftAnalysis;
  working: Buffer;
  mask: Buffer;
  edgeColours?: Buffer;
  params: VariantParams;
  output: 'preview' | 'hd';
  collectGarbage?: () => void;
}): Promise<RenderedVariant & { tight: boolean }> {
  const { analysis, params } = input;
  const framing = frame({
    image: analysis.working,
    eyes: analysis.face.eyes,
    chin: analysis.face.chin,
    hairTop: analysis.face.hairTop,
    roll: analysis.face.roll,
    straighten: params.straighten,
    crop: params.crop,
  });
  const rendered = await renderVariant({
    working: input.working,
    mask: input.mask,
    edgeColours: input.edgeColours,
    frame: framing,
    look: params,
    retouch: { outline: analysis.face.outline, keepSharp: analysis.face.keepSharp },
    hdMax: HD_MAX,
    previewMax: PREVIEW_MAX,
    output: input.output,
    collectGarbage: input.collectGarbage,
  });
  return { ...rendered, tight: framing.tight };
}

/** The face box and both eyes, with half an eye's width around them. */
export function faceRegion(face: Pick<DetectedFace, 'box' | 'leftEye' | 'rightEye'>) {
  const eyes = [face.leftEye, face.rightEye];
  const margin = Math.max(...eyes.map((e) => distance(e.outer, e.inner))) * 0.5;
  const points = [
    ...eyes.flatMap((e) => [e.outer, e.inner, ...e.upperLid, ...e.lowerLid]),
    { x: face.box.x, y: face.box.y },
    { x: face.box.x + face.box.width, y: face.box.y + face.box.height },
  ];
  const x = Math.min(...points.map((q) => q.x)) - margin;
  const y = Math.min(...points.map((q) => q.y)) - margin;
  return {
    x,
    y,
    width: Math.max(...points.map((q) => q.x)) + margin - x,
    height: Math.max(...points.map((q) => q.y)) + margin - y,
  };
}

/**
 * Where each iris sits between its eye's corners, searched in the working copy's pixels (up to
 * 2560 px; `region` holds the eyes, see `faceRegion`), not the models' 768 px copy: in a 12 MP
 * photo the eyes have three times the pixels there (a half-length portrait's eyes are about
 * 20 px wide in the models' copy, 65 px here).
 */
export function irisesInWorkingCopy(
  region: RegionRgb,
  face: Pick<DetectedFace, 'leftEye' | 'rightEye'>,
) {
  const inRegion = (q: Point): Point => ({ x: q.x - region.left, y: q.y - region.top });
  return irisPositionOfBothEyes({
    leftEye: withIrisFromPixels(region, mapEye(face.leftEye, inRegion)),
    rightEye: withIrisFromPixels(region, mapEye(face.rightEye, inRegion)),
  });
}

function scaleFace(face: DetectedFace, k: number): DetectedFace {
  const p = (q: Point): Point => ({ x: q.x * k, y: q.y * k });
  return {
    ...face,
    box: {
      x: face.box.x * k,
      y: face.box.y * k,
      width: face.box.width * k,
      height: face.box.height * k,
    },
    leftEye: mapEye(face.leftEye, p),
    rightEye: mapEye(face.rightEye, p),
    outline: face.outline.map(p),
    brows: face.brows.map((b) => b.map(p)),
    lips: face.lips.map(p),
    chin: p(face.chin),
    mouthCorners: [p(face.mouthCorners[0]), p(face.mouthCorners[1])],
  };
}

/** Grows a polygon around its centroid (keeps lashes and lip edges out of the smoothing). */
function expand(poly: Point[], factor: number): Point[] {
  if (poly.length === 0) return poly;
  const c = {
    x: poly.reduce((s, q) => s + q.x, 0) / poly.length,
    y: poly.reduce((s, q) => s + q.y, 0) / poly.length,
  };
  return poly.map((q) => ({ x: c.x + (q.x - c.x) * factor, y: c.y + (q.y - c.y) * factor }));
}
