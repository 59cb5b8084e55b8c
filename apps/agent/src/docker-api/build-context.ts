/**
 * A build context sent as a tar body (`POST /build`), unpacked into a directory of its own for
 * the builder, which takes a context directory; removed when the build ends. Entries may not
 * leave the directory (extractLayer refuses `..` and paths through the archive's symlinks).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extractLayer } from '@berth/image';

const TAR_BLOCK = 512;

/** Unpacks BODY (a tar, plain or gzipped) under PARENT and runs WORK on the directory, then removes it. */
export async function withBuildContext<T>(
  body: Readable,
  parent: string,
  work: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = path.join(parent, `context-${crypto.randomBytes(8).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    await extractLayer(contextTar(body), dir);
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * BODY's tar, gunzipped when it starts with gzip's magic number (`docker build --compress`),
 * and closed with zeros: a docker client that adds a Dockerfile from outside the context ends
 * the stream right after that file's bytes, without its padding or the end-of-archive blocks
 * (which Go's archive/tar, dockerd's reader, does not miss). Zeros after a whole archive are
 * never read.
 */
async function* contextTar(body: Readable): AsyncGenerator<Buffer> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  if (first.done) return;
  async function* all(): AsyncGenerator<Buffer> {
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const gzipped = first.value[0] === 0x1f && first.value[1] === 0x8b;
  yield* gzipped ? pipeline(Readable.from(all()), createGunzip(), () => undefined) : all();
  yield Buffer.alloc(3 * TAR_BLOCK); // the most padding an entry has, and the two end blocks
}
