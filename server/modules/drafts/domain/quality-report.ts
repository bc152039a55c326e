import {
  type CheckStatus,
  type GazePreference,
  type QualityCheck,
  type QualityCheckId,
  type QualityReport,
  USE_CASE_LABELS,
  USE_CASES,
  type UseCase,
  type UseCaseVerdict,
} from '../../../../shared/drafts/drafts.types';

/** What the analysis measured on the uploaded photo (and on the rendered professional draft). */
export interface FaceMeasurements {
  /** Face box height in pixels of the uploaded photo. */
  faceHeightPx: number;
  /** Degrees. Roll > 0: head leans towards the image right. Yaw > 0: face turned to image right. */
  roll: number;
  yaw: number;
  pitch: number;
  /**
   * Where the eyes point relative to the lens, degrees (head pose plus the eyes' rotation in the
   * head): `gaze` > 0 to the right of the lens (image right), `gazeVertical` > 0 below it.
   */
  gaze: number;
  gazeVertical: number;
  /** Lid opening / eye width of the less open eye. */
  eyeOpenness: number;
  /** Edge energy on the face, normalised to face size (see the render worker). */
  sharpness: number;
  /** 95th-percentile luminance on the face, 0–255 (fair across skin tones). */
  faceBrightLuminance: number;
  /** Share of face pixels at or near pure white / pure black. */
  highlightClipping: number;
  shadowClipping: number;
  /** Mouth width relative to the distance between the eyes (≈ 0.8 neutral, ≥ 0.95 smiling). */
  smile: number;
  /** The photo was too tight for a head-and-shoulders frame. */
  tightFraming: boolean;
  /** Pixel size of the professional draft's HD image: its crop's own pixels, never enlarged. */
  hdSize: { width: number; height: number };
  /** Share of the face's fine texture kept after retouching (1 = untouched). */
  textureRetained: number;
}

export const FACE_TOO_SMALL_PX = 80;
/** Long side of an HD draft below which the photo is too small for the crop (soft when large). */
export const HD_ENOUGH_PX = 1000;
const SHARP_ENOUGH = 250;
const SOFT = 25;

const side = (degrees: number, positive: string, negative: string) =>
  degrees >= 0 ? positive : negative;
const deg = (value: number) => `${Math.round(Math.abs(value))}°`;

type Rule = (m: FaceMeasurements, gaze: GazePreference) => Omit<QualityCheck, 'id' | 'label'>;

const check = (status: CheckStatus, measured: string, value: number, fix = '') => ({
  status,
  measured,
  value: Math.round(value * 100) / 100,
  fix,
});

/** Eye contact windows in degrees off the lens (tuned on the labelled portraits, see bench/). */
export const EYE_CONTACT = {
  /** `direct`: within this the eyes are on the lens; up to `directWarn` "nearly". */
  direct: 12,
  directWarn: 16,
  /** `averted`: the eyes rest just beside the lens, neither on it nor far away. */
  avertedMin: 8,
  avertedMax: 25,
  /** Lids more closed than this (opening / eye width) cannot make eye contact. */
  minOpenness: 0.18,
};
const FACING_CAMERA = 10;
const PROFILE = 35;

/** "looking down, about 14° below the lens" — the larger component names the direction. */
function gazeInWords(m: FaceMeasurements, off: number): string {
  const about = `about ${deg(off)}`;
  if (Math.abs(m.gazeVertical) >= Math.abs(m.gaze)) {
    return m.gazeVertical > 0
      ? `looking down, ${about} below the lens`
      : `looking up, ${about} above the lens`;
  }
  return `looking past the lens, ${about} ${side(m.gaze, 'to the right', 'to the left')}`;
}

function eyeContact(m: FaceMeasurements, preference: GazePreference) {
  const cos = Math.cos((m.gaze * Math.PI) / 180) * Math.cos((m.gazeVertical * Math.PI) / 180);
  const off = (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
  if (m.eyeOpenness < EYE_CONTACT.minOpenness) {
    return check(
      'fail',
      m.eyeOpenness >= 0.12 ? 'eyes half closed' : 'eyes closed',
      off,
      'Open your eyes fully and look into the lens, without sunglasses (they read as half-closed eyes here); the AI cannot open or redirect eyes.',
    );
  }
  const where = gazeInWords(m, off);
  if (preference === 'direct') {
    if (off <= EYE_CONTACT.direct) return check('pass', 'looking into the lens', off);
    return check(
      off <= EYE_CONTACT.directWarn ? 'warn' : 'fail',
      where,
      off,
      `${where[0]!.toUpperCase()}${where.slice(1)} — look into the lens (not at the screen) when the photo is taken.`,
    );
  }
  if (off >= EYE_CONTACT.avertedMin && off <= EYE_CONTACT.avertedMax) {
    return check('pass', `${where}, as you prefer`, off);
  }
  return off < EYE_CONTACT.avertedMin
    ? check(
        'warn',
        'looking straight into the lens',
        off,
        'For a slightly averted look, rest your eyes just beside the lens.',
      )
    : check(
        'fail',
        where,
        off,
        `${where[0]!.toUpperCase()}${where.slice(1)} — look only slightly past the lens; this is too far away for a portrait.`,
      );
}

const RULES: Record<QualityCheckId, { label: string; rule: Rule }> = {
  faceSize: {
    label: 'Resolution of your face',
    rule: (m) =>
      m.faceHeightPx >= 400
        ? check('pass', `face is ${Math.round(m.faceHeightPx)} px tall`, m.faceHeightPx)
        : check(
            'warn',
            `face is only ${Math.round(m.faceHeightPx)} px tall`,
            m.faceHeightPx,
            'Fine for a profile picture, too small for large or printed use: come closer to the camera or use the rear camera.',
          ),
  },
  eyeContact: {
    label: 'Eye contact',
    rule: (m, preference) => eyeContact(m, preference),
  },
  headTilt: {
    label: 'Head tilt',
    rule: (m) => {
      const measured = `tilted ${deg(m.roll)} ${side(m.roll, 'to the right', 'to the left')}`;
      if (Math.abs(m.roll) <= 5) return check('pass', 'head level', m.roll);
      if (Math.abs(m.roll) <= 25) {
        return check(
          'warn',
          `${measured}; the drafts are straightened`,
          m.roll,
          'Hold your head level: straightening crops into the photo and cannot fix the angle of the shoulders.',
        );
      }
      return check('fail', measured, m.roll, 'Hold your head level and the phone upright.');
    },
  },
  headTurn: {
    label: 'Face turned',
    rule: (m) => {
      const measured = `face turned ${deg(m.yaw)} ${side(m.yaw, 'to the right', 'to the left')}`;
      if (Math.abs(m.yaw) <= FACING_CAMERA) return check('pass', 'facing the camera', m.yaw);
      // A turned head with the eyes on the lens is a pose, judged here and not as eye contact.
      return check(
        Math.abs(m.yaw) <= PROFILE ? 'warn' : 'fail',
        measured,
        m.yaw,
        `${measured[0]!.toUpperCase()}${measured.slice(1)} — turn towards the lens. The AI cannot change the angle of your face; a studio session fixes this.`,
      );
    },
  },
  headPitch: {
    label: 'Chin up or down',
    rule: (m) => {
      const measured = `chin ${deg(m.pitch)} ${side(m.pitch, 'down', 'up')}`;
      if (Math.abs(m.pitch) <= 15) return check('pass', 'chin level', m.pitch);
      return check(
        Math.abs(m.pitch) <= 25 ? 'warn' : 'fail',
        measured,
        m.pitch,
        'Hold the camera at eye height and keep your chin level.',
      );
    },
  },
  eyesOpen: {
    label: 'Eyes open',
    rule: (m) =>
      m.eyeOpenness >= 0.18
        ? check('pass', 'eyes open', m.eyeOpenness)
        : check(
            m.eyeOpenness >= 0.12 ? 'warn' : 'fail',
            m.eyeOpenness >= 0.12 ? 'eyes half closed' : 'eyes look closed',
            m.eyeOpenness,
            'Take a few shots and pick one with your eyes fully open and no sunglasses; the AI will not invent eyes.',
          ),
  },
  sharpness: {
    label: 'Sharpness on the face',
    rule: (m) =>
      m.sharpness >= SHARP_ENOUGH
        ? check('pass', 'face is sharp', m.sharpness)
        : check(
            m.sharpness >= SOFT ? 'warn' : 'fail',
            m.sharpness >= SOFT ? 'photo is a little soft' : 'photo is blurred',
            m.sharpness,
            'Photo is soft: hold the phone steady, use more light, or book a photographer. Sharpening cannot recover lost detail.',
          ),
  },
  exposure: {
    label: 'Light on the face',
    rule: (m) => {
      const l = m.faceBrightLuminance;
      if (l >= 110 && l <= 248) return check('pass', 'face well lit', l);
      if (l < 110) {
        return check(
          l >= 70 ? 'warn' : 'fail',
          'face is underexposed',
          l,
          'Face a window or a lamp; avoid light from behind. Brightening later adds noise.',
        );
      }
      return check(
        'warn',
        'face is very bright',
        l,
        'Move out of direct sun or away from the flash.',
      );
    },
  },
  clipping: {
    label: 'Blown highlights and crushed shadows',
    rule: (m) => {
      const worst = Math.max(m.highlightClipping, m.shadowClipping);
      const measured = `${(m.highlightClipping * 100).toFixed(1)} % of the face pure white, ${(m.shadowClipping * 100).toFixed(1)} % pure black`;
      if (worst <= 0.03) return check('pass', measured, worst);
      return check(
        worst <= 0.1 ? 'warn' : 'fail',
        measured,
        worst,
        'Use softer, even light: detail lost in pure white or black cannot be brought back.',
      );
    },
  },
  expression: {
    label: 'Expression (a pose hint only)',
    rule: (m) =>
      m.smile >= 0.95
        ? check('pass', 'smiling', m.smile)
        : check(
            'pass',
            'neutral expression',
            m.smile,
            'Optional: a slight, relaxed smile usually reads as approachable.',
          ),
  },
  framing: {
    label: 'Room around you',
    rule: (m) =>
      m.tightFraming
        ? check(
            'warn',
            'your head fills the photo',
            1,
            'Hold the camera further away so your shoulders show; the drafts had to come in close or add backdrop around you.',
          )
        : check('pass', 'enough room for a head-and-shoulders frame', 0),
  },
  retouch: {
    label: 'Natural skin (no over-smoothing)',
    rule: (m) =>
      m.textureRetained >= 0.55
        ? check(
            'pass',
            `${Math.round(m.textureRetained * 100)} % of skin texture kept`,
            m.textureRetained,
          )
        : check(
            'warn',
            `only ${Math.round(m.textureRetained * 100)} % of skin texture kept`,
            m.textureRetained,
            'Lower the retouch slider: over-smoothed skin looks artificial.',
          ),
  },
  cropResolution: {
    label: 'Pixels for the crop',
    rule: (m) => {
      const { width, height } = m.hdSize;
      const size = `HD ${width} × ${height} px`;
      const long = Math.max(width, height);
      return long >= HD_ENOUGH_PX
        ? check('pass', `${size}, all from your photo's own pixels`, long)
        : check(
            'warn',
            `your photo holds only ${size} for this crop`,
            long,
            'Fine as a profile picture, soft on a large screen or in print: upload the original photo (not a screenshot or a copy from a messaging app), or take it closer.',
          );
    },
  },
};

export function qualityChecks(m: FaceMeasurements, gaze: GazePreference): QualityCheck[] {
  return (Object.keys(RULES) as QualityCheckId[]).map((id) => ({
    id,
    label: RULES[id].label,
    ...RULES[id].rule(m, gaze),
  }));
}

const IMPORTANT_FOR_PRESS: QualityCheckId[] = [
  'sharpness',
  'exposure',
  'eyeContact',
  'headTurn',
  'faceSize',
];

function verdictFor(useCase: UseCase, checks: QualityCheck[], m: FaceMeasurements): UseCaseVerdict {
  const label = USE_CASE_LABELS[useCase];
  const failed = checks.filter((c) => c.status === 'fail');
  const warned = checks.filter((c) => c.status === 'warn');
  const names = (list: QualityCheck[]) => list.map((c) => c.label.toLowerCase()).join(', ');
  const studio = (reason: string): UseCaseVerdict => ({
    useCase,
    label,
    verdict: 'studio_advised',
    reason,
  });
  const ok = (reason: string): UseCaseVerdict => ({ useCase, label, verdict: 'ai_ok', reason });
  if (useCase === 'print') {
    return studio(
      'Print needs far more detail than one phone photo holds (a magazine page wants about 9 megapixels at 300 dpi): book a studio session.',
    );
  }
  if (useCase === 'executive') {
    return studio(
      "An executive or official portrait speaks for the organisation, and official photos (passports, ID badges) must be unedited and taken to the authority's rules: book a studio session.",
    );
  }
  if (useCase === 'actor') {
    return studio(
      'Casting directors expect current, unretouched photographs that look exactly like you, in several looks; an AI-styled draft is not accepted: book a studio session.',
    );
  }
  if (failed.length > 0)
    return studio(`The photo fails on ${names(failed)}; the AI cannot fix that.`);
  if (useCase === 'profile') {
    return ok(
      warned.length === 0
        ? 'Everything checks out for a small profile picture.'
        : `Good enough at avatar size; ${names(warned)} could be better.`,
    );
  }
  if (useCase === 'website') {
    const serious = warned.filter(
      (c) => c.id === 'sharpness' || c.id === 'exposure' || c.id === 'faceSize',
    );
    return serious.length === 0 && warned.length <= 1
      ? ok('Sharp and well lit enough for a team page.')
      : studio(
          `On a large screen ${names(serious.length ? serious : warned)} will show; a studio photo will look consistent with your colleagues'.`,
        );
  }
  const weak = warned.filter((c) => IMPORTANT_FOR_PRESS.includes(c.id));
  return weak.length === 0 && m.faceHeightPx >= 400
    ? ok('Good enough for a speaker page or press kit at web size.')
    : studio(
        weak.length
          ? `Press use needs a flawless photo: ${names(weak)} fall short.`
          : 'Press and conference use needs more resolution than this photo has.',
      );
}

export function qualityReport(m: FaceMeasurements, gazePreference: GazePreference): QualityReport {
  const checks = qualityChecks(m, gazePreference);
  return {
    gazePreference,
    checks,
    verdicts: USE_CASES.map((useCase) => verdictFor(useCase, checks, m)),
  };
}
