/**
 * A file's bytes as text and back, losing nothing. Valid UTF-8 decodes as usual; each byte that is
 * not part of valid UTF-8 (a Latin-1 `é`, a stray 0xFF) becomes one lone surrogate U+DC80–U+DCFF —
 * Python's "surrogateescape" — which encoding turns back into that very byte. An edit that leaves
 * those characters alone therefore writes them back unchanged, instead of U+FFFD.
 */

const ESCAPE_BASE = 0xdc00;
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

export function textOfBytes(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch (error) {
    // Only invalid UTF-8 is decoded the slow way; anything else (a text too long for a string) is not ours to hide.
    if (!(error instanceof TypeError)) throw error;
    return decodeEscaping(bytes);
  }
}

export function bytesOfText(text: string): Uint8Array {
  return hasEscapedBytes(text) ? encodeEscaped(text) : encoder.encode(text);
}

/** True when the text holds bytes that were not UTF-8 (so an editor would show U+FFFD for them). */
export function hasEscapedBytes(text: string): boolean {
  return /(?:^|[^\ud800-\udbff])[\udc80-\udcff]/.test(text);
}

/**
 * Decodes the valid sequences itself (sequenceLength has checked each) and escapes every other byte,
 * into one array of UTF-16 code units turned into a string in chunks. (Appending piece by piece, one
 * decoder call each, grew faster than the text: 120 ms at 512 KB of alternating bytes, 2 ms at 32 KB.)
 * Not TextDecoder('utf-16le'): it would replace the escapes, lone surrogates, with U+FFFD.
 */
function decodeEscaping(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  let count = 0;
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index);
    const first = bytes[index];
    if (length === 0) {
      units[count++] = ESCAPE_BASE + first;
      index += 1;
      continue;
    }
    const next = (offset: number) => bytes[index + offset] & 0x3f;
    let code = first;
    if (length === 2) code = ((first & 0x1f) << 6) | next(1);
    else if (length === 3) code = ((first & 0x0f) << 12) | (next(1) << 6) | next(2);
    else if (length === 4) code = ((first & 0x07) << 18) | (next(1) << 12) | (next(2) << 6) | next(3);
    if (code > 0xffff) {
      units[count++] = 0xd800 + ((code - 0x10000) >> 10);
      units[count++] = 0xdc00 + ((code - 0x10000) & 0x3ff);
    } else {
      units[count++] = code;
    }
    index += length;
  }
  const pieces: string[] = [];
  for (let start = 0; start < count; start += CHUNK) pieces.push(String.fromCharCode(...units.subarray(start, Math.min(count, start + CHUNK))));
  return pieces.join('');
}

/** Code units per String.fromCharCode call: well under any engine's limit on arguments. */
const CHUNK = 8192;

/** The length of the valid UTF-8 sequence starting at `index` (RFC 3629: no overlongs, no surrogates), or 0. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index];
  if (first < 0x80) return 1;
  const continuation = (offset: number, low = 0x80, high = 0xbf) => index + offset < bytes.length && bytes[index + offset] >= low && bytes[index + offset] <= high;
  if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const [low, high] = first === 0xe0 ? [0xa0, 0xbf] : first === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const [low, high] = first === 0xf0 ? [0x90, 0xbf] : first === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

function encodeEscaped(text: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const escaped = code >= 0xdc80 && code <= 0xdcff && !(index > 0 && isHighSurrogate(text.charCodeAt(index - 1)));
    if (!escaped) continue;
    parts.push(encoder.encode(text.slice(start, index)), Uint8Array.of(code - ESCAPE_BASE));
    start = index + 1;
  }
  parts.push(encoder.encode(text.slice(start)));
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
