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

export function c2paRuntime(): Promise<typeof c2pa> {
  ready ??= (async () => {
    installFileReaderSync();
    const bytes = await readFile(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm'));
    c2pa.initSync({ module: await WebAssembly.compile(bytes) });
    return c2pa;
  })();
  return ready;
}

export class BytesBlob extends Blob {
  constructor(readonly bytes: Uint8Array) {
    super([bytes]);
  }

  override slice(start?: number, end?: number): BytesBlob {
    return new BytesBlob(this.bytes.subarray(start ?? 0, end ?? this.bytes.length));
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
      const { bytes } = blob;
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    }
  };
}
