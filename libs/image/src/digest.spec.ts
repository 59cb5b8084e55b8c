import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HashingStream, isDigest, parseDigest, sha256, shortId } from './digest';
import { InvalidDigestError } from './errors';

describe('digests', () => {
  it('should hash as sha256sum does', () => {
    expect(sha256('hello\n')).toBe('sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
  });

  it('should accept only sha256 with 64 lowercase hex digits', () => {
    expect(isDigest('sha256:' + 'a'.repeat(64))).toBe(true);
    expect(isDigest('sha256:' + 'A'.repeat(64))).toBe(false);
    expect(isDigest('sha512:' + 'a'.repeat(64))).toBe(false);
    expect(() => parseDigest('sha256:123')).toThrow(InvalidDigestError);
  });

  it('should shorten ids as Docker shows them', () => {
    expect(shortId('sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03')).toBe(
      '5891b5b522d5',
    );
  });

  it('should hash bytes passing through a stream', async () => {
    const hashing = new HashingStream();
    const chunks: Buffer[] = [];
    await pipeline(Readable.from([Buffer.from('hel'), Buffer.from('lo\n')]), hashing, async (source) => {
      for await (const c of source) chunks.push(c as Buffer);
    });
    expect(hashing.digest()).toBe(sha256('hello\n'));
    expect(hashing.size).toBe(6);
    expect(Buffer.concat(chunks).toString()).toBe('hello\n');
  });
});
