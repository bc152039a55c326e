import { readFile } from 'node:fs/promises';
import * as c2pa from '@contentauth/c2pa-wasm';

/**
 * c2pa-rs, the Content Credentials reference implementation, as WebAssembly
 * (`@contentauth/c2pa-wasm`). It is compiled once per thread, on first use (about 9 MB).
 *
 * Its Blob-based calls read through `FileReaderSync`, a browser API that only exists in web
 * workers. In Node, `BytesBlob` keeps its bytes (and its slices' bytes) so a small
 * `FileReaderSync` can hand them over synchronously.
 */
let ready: Promise<typeof c2pa> | undefined;
let memory: { buffer: ArrayBufferLike } | undefined;

/** The WebAssembly memory this thread's c2pa-rs holds (it grows to its high-water mark). */
export function c2paMemoryBytes(): number {
  return memory?.buffer.byteLength ?? 0;
}

export function c2paRuntime(): Promise<typeof c2pa> {
  ready ??= (async () => {
    installFileReaderSync();
    const bytes = await readFile(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm'));
    // Compiled off the event loop (`initSync` would compile 9 MB synchronously).
    const { WebAssembly: wasm } = globalThis as unknown as {
      WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssemblyModule> };
    };
    ({ memory } = c2pa.initSync({ module: await wasm.compile(bytes) }));
    return c2pa;
  })();
  return ready;
}

type WebAssemblyModule = Parameters<typeof c2pa.initSync>[0] extends infer M
  ? M extends { module: infer Inner }
    ? Inner
    : never
  : never;

export class BytesBlob extends Blob {
  constructor(readonly kept: Uint8Array) {
    super([kept as Uint8Array<ArrayBuffer>]);
  }

  override slice(start?: number, end?: number): Blob {
    return new BytesBlob(this.kept.subarray(start ?? 0, end ?? this.kept.length));
  }
}

function installFileReaderSync(): void {
  const scope = globalThis as { FileReaderSync?: unknown };
  if (scope.FileReaderSync) return;
  scope.FileReaderSync = class FileReaderSync {
    readAsArrayBuffer(blob: Blob): ArrayBuffer {
      if (!(blob instanceof BytesBlob)) {
        throw new TypeError('Content Credentials: only in-memory blobs can be read here');
      }
      const { kept } = blob;
      return kept.buffer.slice(kept.byteOffset, kept.byteOffset + kept.byteLength) as ArrayBuffer;
    }
  };
}
