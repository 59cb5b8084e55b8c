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

/** Unpacks BODY (a tar, plain or gzipped) under PARENT and runs WORK on the directory, then removes it. */
export async function withBuildContext<T>(
  body: Readable,
  parent: string,
  work: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = path.join(parent, `context-${crypto.randomBytes(8).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    await extractLayer(await ungzipped(body), dir);
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** BODY's bytes, gunzipped when they start with gzip's magic number (`docker build --compress`). */
async function ungzipped(body: Readable): Promise<AsyncIterable<Buffer>> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  async function* all(): AsyncGenerator<Buffer> {
    if (first.done) return;
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const gzipped = !first.done && first.value[0] === 0x1f && first.value[1] === 0x8b;
  return gzipped ? pipeline(Readable.from(all()), createGunzip(), () => undefined) : all();
}
