/**
 * Content-addressed blobs under `<root>/blobs/sha256/<hex>`. Every write is
 * hashed as it streams into a temp file, fsynced, checked against the digest
 * it claims, and only then renamed into place; a blob under its name is
 * always whole and always what its name says.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable, type Readable } from 'node:stream';
import { digestHex, HashingStream, isDigest, sha256, type Digest } from '../digest';
import { BlobNotFoundError, DigestMismatchError } from '../errors';
import { fsyncDir, removeStaleTemps, tempName } from './atomic';

export interface BlobInfo {
  digest: Digest;
  size: number;
}

export class BlobStore {
  readonly dir: string;

  constructor(root: string) {
    this.dir = path.join(root, 'blobs', 'sha256');
    fs.mkdirSync(this.dir, { recursive: true });
    removeStaleTemps(this.dir);
  }

  path(digest: Digest): string {
    return path.join(this.dir, digestHex(digest));
  }

  has(digest: Digest): boolean {
    return fs.existsSync(this.path(digest));
  }

  size(digest: Digest): number {
    try {
      return fs.statSync(this.path(digest)).size;
    } catch {
      throw new BlobNotFoundError(digest);
    }
  }

  read(digest: Digest): Buffer {
    try {
      return fs.readFileSync(this.path(digest));
    } catch {
      throw new BlobNotFoundError(digest);
    }
  }

  readJson<T>(digest: Digest): T {
    return JSON.parse(this.read(digest).toString('utf8')) as T;
  }

  open(digest: Digest): Readable {
    if (!this.has(digest)) throw new BlobNotFoundError(digest);
    return fs.createReadStream(this.path(digest), { highWaterMark: 1 << 20 });
  }

  /** Store BYTES; if EXPECTED is given they must hash to it. */
  put(bytes: Buffer | string, expected?: Digest): BlobInfo {
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    const digest = sha256(data);
    if (expected && expected !== digest) throw new DigestMismatchError(expected, digest);
    if (!this.has(digest)) {
      const tmp = tempName(this.path(digest));
      const fd = fs.openSync(tmp, 'w', 0o644);
      try {
        fs.writeSync(fd, data);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      this.commit(tmp, digest);
    }
    return { digest, size: data.length };
  }

  putJson(value: unknown, expected?: Digest): BlobInfo {
    return this.put(JSON.stringify(value), expected);
  }

  /**
   * Stream SOURCE into the store. With EXPECTED the bytes must hash to it (and
   * have its size, when given); otherwise the blob is named by what it hashes to.
   * EXTRA, if given, receives the same bytes as they pass (e.g. to unpack them).
   */
  async write(
    source: Readable,
    expected?: { digest: Digest; size?: number },
    extra?: NodeJS.WritableStream,
  ): Promise<BlobInfo> {
    const hashing = new HashingStream();
    const tmp = tempName(path.join(this.dir, expected ? digestHex(expected.digest) : 'ingest'));
    const out = fs.createWriteStream(tmp, { mode: 0o644, highWaterMark: 1 << 20 });
    try {
      if (extra) hashing.pipe(extra);
      await pipeline(source, hashing, out);
      const digest = hashing.digest();
      if (
        expected &&
        (digest !== expected.digest || (expected.size !== undefined && hashing.size !== expected.size))
      )
        throw new DigestMismatchError(
          expected.digest,
          digest !== expected.digest ? digest : `${hashing.size} bytes`,
        );
      // on the thread pool: other layers keep streaming while this one reaches the disk
      const handle = await fs.promises.open(tmp, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      this.commit(tmp, digest);
      return { digest, size: hashing.size };
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw error;
    }
  }

  private commit(tmp: string, digest: Digest): void {
    fs.renameSync(tmp, this.path(digest));
    fsyncDir(this.dir);
  }

  /** Re-hash a stored blob; a corrupt one is removed and reported. */
  async verify(digest: Digest): Promise<void> {
    const hashing = new HashingStream();
    const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
    await pipeline(this.open(digest), hashing, discard);
    if (hashing.digest() !== digest) {
      fs.rmSync(this.path(digest), { force: true });
      throw new DigestMismatchError(digest, hashing.digest(), 'stored blob');
    }
  }

  delete(digest: Digest): void {
    fs.rmSync(this.path(digest), { force: true });
  }

  list(): Digest[] {
    return fs
      .readdirSync(this.dir)
      .map((hex) => `sha256:${hex}`)
      .filter(isDigest);
  }
}
