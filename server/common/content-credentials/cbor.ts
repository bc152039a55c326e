/**
 * The few CBOR (RFC 8949) shapes a COSE_Sign1 needs, encoded canonically: unsigned and negative
 * integers, byte and text strings, arrays, maps (in the order given), tags and null.
 */
export type CborValue = number | Uint8Array | string | null | CborValue[] | CborMap | CborTagged;

export class CborMap {
  constructor(readonly entries: ReadonlyArray<readonly [number | string, CborValue]>) {}
}

export class CborTagged {
  constructor(
    readonly tag: number,
    readonly value: CborValue,
  ) {}
}

export function encodeCbor(value: CborValue): Uint8Array {
  const parts: Uint8Array[] = [];
  write(value, parts);
  return Buffer.concat(parts);
}

function write(value: CborValue, out: Uint8Array[]): void {
  if (value === null) {
    out.push(Uint8Array.of(0xf6));
  } else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`CBOR: ${value} is not an integer`);
    if (value >= 0) head(0, value, out);
    else head(1, -1 - value, out);
  } else if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    head(3, bytes.length, out);
    out.push(bytes);
  } else if (value instanceof Uint8Array) {
    head(2, value.length, out);
    out.push(value);
  } else if (Array.isArray(value)) {
    head(4, value.length, out);
    for (const item of value) write(item, out);
  } else if (value instanceof CborMap) {
    head(5, value.entries.length, out);
    for (const [key, item] of value.entries) {
      write(key, out);
      write(item, out);
    }
  } else {
    head(6, value.tag, out);
    write(value.value, out);
  }
}

/** A data item's head: major type and its argument in the shortest form. */
function head(major: number, argument: number, out: Uint8Array[]): void {
  const type = major << 5;
  if (argument < 24) out.push(Uint8Array.of(type | argument));
  else if (argument < 0x100) out.push(Uint8Array.of(type | 24, argument));
  else if (argument < 0x10000) out.push(Uint8Array.of(type | 25, argument >> 8, argument & 0xff));
  else if (argument < 0x100000000) {
    const b = Buffer.alloc(5);
    b[0] = type | 26;
    b.writeUInt32BE(argument, 1);
    out.push(b);
  } else {
    const b = Buffer.alloc(9);
    b[0] = type | 27;
    b.writeBigUInt64BE(BigInt(argument), 1);
    out.push(b);
  }
}

/** How many bytes the head of a byte string of `length` bytes takes. */
export function byteStringHeadSize(length: number): number {
  if (length < 24) return 1;
  if (length < 0x100) return 2;
  if (length < 0x10000) return 3;
  return length < 0x100000000 ? 5 : 9;
}
