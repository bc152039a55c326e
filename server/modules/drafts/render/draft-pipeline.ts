import type { VariantParams } from '../../../../shared/drafts/drafts.types';
import { DraftErrorCode } from '../../../../shared/drafts/drafts.types';
import {
  matteSubject,
  measureFace,
  personTop,
  prepareWorkingImages,
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
  const light = await measureFace(working, face.box);
  const roll = rollFromEyes(face);
  // From the face's own axes, not Human's angles (which break when the head lies on its side).
  const { yaw, pitch } = headPose(face.headAxes);
  // Irises found in the pixels the mesh was measured on, where the eyes are large enough.
  const seen = faces[0]!;
  const irises = irisPositionOfBothEyes({
    leftEye: withIrisFromPixels(analysis, seen.leftEye),
    rightEye: withIrisFromPixels(analysis, seen.rightEye),
  });
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
  });
  return { ...rendered, tight: framing.tight };
}

function scaleFace(face: DetectedFace, k: number): DetectedFace {
  const p = (q: Point): Point => ({ x: q.x * k, y: q.y * k });
  const eye = (e: DetectedFace['leftEye']) => ({
    outer: p(e.outer),
    inner: p(e.inner),
    iris: p(e.iris),
    upperLid: e.upperLid.map(p),
    lowerLid: e.lowerLid.map(p),
  });
  return {
    ...face,
    box: {
      x: face.box.x * k,
      y: face.box.y * k,
      width: face.box.width * k,
      height: face.box.height * k,
    },
    leftEye: eye(face.leftEye),
    rightEye: eye(face.rightEye),
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
