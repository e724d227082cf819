import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isJianghuaError } from '../../src/errors.js';
import { decodeText } from '../../src/io/read-text.js';
import { fuzzParams, speechLike } from './arbitraries.js';

describe('fuzz: decoding files', () => {
  it('any bytes either decode or raise a JianghuaError, the same way every time', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const attempt = () => {
          try {
            return decodeText(bytes);
          } catch (error) {
            if (!isJianghuaError(error)) throw error;
            return error.code;
          }
        };
        expect(attempt()).toEqual(attempt());
      }),
      fuzzParams(4 * Number(process.env.FUZZ_RUNS ?? 40)),
    );
  });

  it('speech-like text survives UTF-8, GB18030 and UTF-16 round trips (or is refused as binary, never garbled)', () => {
    // GB18030 and UTF-16 cannot carry lone surrogates; NUL and other controls may make a file binary
    // without a BOM a few bytes are ambiguous (4 bytes may be one emoji or two Han): test text of a sentence or more
    const wellFormed = speechLike
      .map((s) => `同志们：${s.replace(/[\ud800-\udfff]/gu, '')}\n一是加强党的建设，二是压实责任。\n`)
      .filter((s) => s.length >= 40);
    fc.assert(
      fc.property(wellFormed, fc.constantFrom('utf8', 'gb18030', 'utf-16le', 'utf-16be'), (text, encoding) => {
        let decoded;
        try {
          decoded = decodeText(iconv.encode(text, encoding));
        } catch (error) {
          if (!isJianghuaError(error)) throw error;
          expect(error.code).toBe('binary');
          return;
        }
        // short ASCII-only text is the same in UTF-8 and GB18030; UTF-16 of it is recognised by its NUL lane
        expect(decoded.text).toBe(text);
      }),
      fuzzParams(),
    );
  });
});
