import { deflateSync, inflateSync } from 'fflate';
import { DIMENSION_KEYS, type DimensionKey, type EvaluationColumns } from '$engine/index';

/**
 * An evaluation's columns as the database keeps them: quantised and deflated into one
 * byte array (docs/storage.md, "Version 4"). 50,000 clients take ≈1.5 MB, so three years of
 * monthly evaluations stay far below 100 MB. fflate rather than the browser's
 * CompressionStream: it is synchronous, so packing and unpacking can happen inside a
 * database transaction (an await on anything but the database would end it), and it runs
 * the same in the unit tests.
 *
 * Layout (little-endian, the platform's): the byte length of the ids section as a 32-bit
 * integer; the ids section, not deflated (random ids do not compress, and deflating them
 * would double the time) — a byte 1 and 16 bytes per id when every id is a lowercase
 * UUID, else a byte 0, the byte length as a 32-bit integer and the ids in UTF-8 separated
 * by newlines; then, deflated, one block per column, n values each:
 * tier (u8), flags (u8: 1 pinned, 2 churn warning), abc, segment, lifecycle (u8, 255 =
 * not recorded), score (u16, hundredths), P(active) (u16, ten-thousandths, 65535 = none),
 * days since purchase and since contact (u16, 65535 = never), the four dimension scores
 * (u16, hundredths, 65535 = no data) and revenue (f64).
 */
/** Stored beside the bytes (`format`), so a later layout is told apart from this one. */
export const PACK_FORMAT = 1;

const NONE = 0xffff;
const DASH = 45;

/** The value of a lowercase hex digit's character code. */
function hexValue(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Deflate's fastest level: the gain from slower levels is a few percent here. */
const LEVEL = 1;

// Plain loops: `TypedArray.from` with a mapping function walks an iterator, several times
// slower over 50,000 values.
function quantise(values: Float32Array, scale: number): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? Number.NaN;
    out[i] = Number.isNaN(v) ? NONE : Math.min(NONE - 1, Math.max(0, Math.round(v * scale)));
  }
  return out;
}
function dequantise(values: Uint16Array, scale: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? NONE;
    out[i] = v === NONE ? Number.NaN : v / scale;
  }
  return out;
}
function packDays(values: Int32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? -1;
    out[i] = v < 0 ? NONE : Math.min(NONE - 1, v);
  }
  return out;
}
function unpackDays(values: Uint16Array): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? NONE;
    out[i] = v === NONE ? -1 : v;
  }
  return out;
}

function idBytes(ids: readonly string[]): Uint8Array {
  if (ids.every((id) => UUID.test(id))) {
    const bytes = new Uint8Array(1 + 16 * ids.length);
    bytes[0] = 1;
    ids.forEach((id, i) => {
      let at = 1 + 16 * i;
      // Two hex digits a byte, skipping the dashes (50,000 ids: a few milliseconds).
      for (let k = 0; k < id.length; k += 2) {
        if (id.charCodeAt(k) === DASH) k += 1;
        bytes[at] = (hexValue(id.charCodeAt(k)) << 4) | hexValue(id.charCodeAt(k + 1));
        at += 1;
      }
    });
    return bytes;
  }
  const text = new TextEncoder().encode(ids.join('\n'));
  const bytes = new Uint8Array(5 + text.length);
  new DataView(bytes.buffer).setUint32(1, text.length, true);
  bytes.set(text, 5);
  return bytes;
}

function readIds(bytes: Uint8Array, n: number): { ids: string[]; end: number } {
  if (bytes[0] === 1) {
    if (bytes.length < 1 + 16 * n) throw new RangeError('Packed evaluation ids are cut short.');
    const ids = new Array<string>(n);
    for (let i = 0; i < n; i += 1) {
      let hex = '';
      for (let b = 0; b < 16; b += 1) hex += HEX[bytes[1 + 16 * i + b] ?? 0];
      ids[i] =
        `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    return { ids, end: 1 + 16 * n };
  }
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(1, true);
  const text = new TextDecoder().decode(bytes.subarray(5, 5 + length));
  return { ids: n === 0 ? [] : text.split('\n'), end: 5 + length };
}

/** The typed arrays written, in layout order. */
function blocks(columns: EvaluationColumns): ArrayBufferView[] {
  const flags = new Uint8Array(columns.pinned.length);
  for (let c = 0; c < flags.length; c += 1) {
    flags[c] = (columns.pinned[c] ? 1 : 0) | (columns.churnWarning[c] ? 2 : 0);
  }
  return [
    columns.tier,
    flags,
    columns.abc,
    columns.segment,
    columns.lifecycle,
    quantise(columns.score, 100),
    quantise(columns.pActive, 10_000),
    packDays(columns.daysSincePurchase),
    packDays(columns.daysSinceContact),
    ...DIMENSION_KEYS.map((key) => quantise(columns.dimensions[key], 100)),
    columns.revenue,
  ];
}

export function packColumns(columns: EvaluationColumns): Uint8Array {
  const parts = blocks(columns);
  const raw = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    raw.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), offset);
    offset += part.byteLength;
  }
  const ids = idBytes(columns.clientIds);
  const deflated = deflateSync(raw, { level: LEVEL });
  const packed = new Uint8Array(4 + ids.length + deflated.length);
  new DataView(packed.buffer).setUint32(0, ids.length, true);
  packed.set(ids, 4);
  packed.set(deflated, 4 + ids.length);
  return packed;
}

/**
 * @param n the number of clients (kept beside the bytes, in the evaluation's meta)
 * @throws RangeError when the bytes are not a packing of `n` clients
 */
export function unpackColumns(packed: Uint8Array, n: number): EvaluationColumns {
  if (packed.length < 4) throw new RangeError('Packed evaluation is cut short.');
  const idLength = new DataView(packed.buffer, packed.byteOffset).getUint32(0, true);
  const { ids } = readIds(packed.subarray(4, 4 + idLength), n);
  if (ids.length !== n) throw new RangeError(`Packed evaluation holds ${ids.length} of ${n} ids.`);
  const raw = inflateSync(packed.subarray(4 + idLength));
  let offset = 0;
  const take = <T>(make: (buffer: ArrayBuffer) => T, bytes: number): T => {
    if (offset + bytes > raw.length) throw new RangeError('Packed evaluation is cut short.');
    // A copy: the typed array needs its own, aligned buffer.
    const value = make(raw.slice(offset, offset + bytes).buffer);
    offset += bytes;
    return value;
  };
  const u8 = (): Uint8Array => take((b) => new Uint8Array(b), n);
  const u16 = (): Uint16Array => take((b) => new Uint16Array(b), 2 * n);
  const tier = u8();
  const flags = u8();
  const abc = u8();
  const segment = u8();
  const lifecycle = u8();
  const score = dequantise(u16(), 100);
  const pActive = dequantise(u16(), 10_000);
  const daysSincePurchase = unpackDays(u16());
  const daysSinceContact = unpackDays(u16());
  const dimensions = Object.fromEntries(
    DIMENSION_KEYS.map((key) => [key, dequantise(u16(), 100)]),
  ) as Record<DimensionKey, Float32Array>; // one entry per dimension key
  const revenue = take((b) => new Float64Array(b), 8 * n);
  return {
    clientIds: ids,
    tier,
    pinned: flags.map((f) => f & 1),
    score,
    abc,
    segment,
    lifecycle,
    pActive,
    churnWarning: flags.map((f) => (f >> 1) & 1),
    revenue,
    daysSincePurchase,
    daysSinceContact,
    dimensions,
  };
}
