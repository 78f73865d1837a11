import * as assert from 'node:assert/strict';
import { bytesOfText, hasEscapedBytes, textOfBytes } from '../../src/core/read/fileText';

/** A seeded generator, so a failure names the bytes that caused it and happens again. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('file bytes as text and back', () => {
  it('gives back every byte of 20,000 random byte strings, valid UTF-8 or not', () => {
    const next = random(7);
    for (let i = 0; i < 20_000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 40) }, () => (next() < 0.5 ? Math.floor(next() * 128) : Math.floor(next() * 256)));
      assert.deepEqual(Buffer.from(bytesOfText(textOfBytes(bytes))), Buffer.from(bytes), Buffer.from(bytes).toString('hex'));
    }
  });

  it('reads the valid parts of a file that is not all UTF-8 as UTF-8 reads them: accents, emoji, a BOM, four-byte characters', () => {
    const valid = 'héllo 😀 \ufeffwörld 𝄞 ñ 中文';
    const bytes = Buffer.concat([Buffer.from(valid), Buffer.from([0xff, 0xc3]), Buffer.from(valid)]);
    const text = textOfBytes(bytes);
    assert.equal(text, `${valid}\udcff\udcc3${valid}`);
    assert.equal(hasEscapedBytes(text), true);
    assert.deepEqual(Buffer.from(bytesOfText(text)), bytes);
  });
});
