/** Stream plumbing shared by pull, load, import and build. */
import type { Readable, Stream } from 'node:stream';
import * as zlib from 'node:zlib';
import { extractLayer, type ExtractResult } from './archive/layer';

/**
 * Stop every stream of a pipeline after a failure already reported elsewhere
 * (a rejected promise): each gets a quiet error listener so the destroy does
 * not surface a second time as an unhandled 'error' event.
 */
export function destroyAll(
  streams: readonly (Stream & { destroy(error?: Error): unknown })[],
  error: Error,
): void {
  for (const stream of streams) {
    stream.on('error', () => undefined);
    stream.destroy(error);
  }
}

/**
 * Extract the layer tar flowing through SOURCE into DIR, then read SOURCE to
 * its end (the padding after the end-of-archive blocks), so that whatever
 * hashes or stores the same bytes upstream sees them all.
 */
export async function extractAndDrain(source: Readable, dir: string): Promise<ExtractResult> {
  const iterator = source[Symbol.asyncIterator]();
  const result = await extractLayer({ [Symbol.asyncIterator]: () => iterator }, dir);
  for (let r = await iterator.next(); !r.done; r = await iterator.next());
  return result;
}

/** zlib in 1 MiB pieces: its default 16 KiB makes a callback, a hash update and a write for every 16 KiB. */
const ZLIB_CHUNK = 1 << 20;

export function gunzip(): zlib.Gunzip {
  return zlib.createGunzip({ chunkSize: ZLIB_CHUNK });
}

/** gzip at the default level: what registries and Docker expect to see. */
export function gzip(): zlib.Gzip {
  return zlib.createGzip({ level: zlib.constants.Z_DEFAULT_COMPRESSION, chunkSize: ZLIB_CHUNK });
}
