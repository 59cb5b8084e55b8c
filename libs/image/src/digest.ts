/** sha256 digests: the names of everything in the content store. */
import * as crypto from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { InvalidDigestError } from './errors';

export type Digest = `sha256:${string}`;

const DIGEST = /^sha256:[a-f0-9]{64}$/;

export function isDigest(value: string): value is Digest {
  return DIGEST.test(value);
}

export function parseDigest(value: string): Digest {
  if (!isDigest(value)) throw new InvalidDigestError(value);
  return value;
}

export function sha256(data: Buffer | string): Digest {
  return `sha256:${crypto.createHash('sha256').update(data).digest('hex')}`;
}

export function digestHex(digest: Digest): string {
  return digest.slice('sha256:'.length);
}

/** The first 12 hex digits, as Docker shows ids. */
export function shortId(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}

/** Passes bytes through unchanged, counting and hashing them. */
export class HashingStream extends Transform {
  private readonly hash = crypto.createHash('sha256');
  size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }

  /** Valid once the stream has ended. */
  digest(): Digest {
    return `sha256:${this.hash.copy().digest('hex')}`;
  }
}
