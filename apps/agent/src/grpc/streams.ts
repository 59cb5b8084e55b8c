/** Byte streams over gRPC: coalesced into messages of a useful size, and read back from messages. */
import type { Readable } from 'node:stream';

const MESSAGE_BYTES = 256 * 1024;

/** DataChunk messages from a byte stream, each up to MESSAGE_BYTES (tar writes many 512-byte pieces). */
export async function* dataChunks(
  source: Readable | AsyncIterable<Buffer>,
): AsyncGenerator<{ data: Buffer }> {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= MESSAGE_BYTES) {
      yield { data: Buffer.concat(parts, size) };
      parts = [];
      size = 0;
    }
  }
  if (size) yield { data: Buffer.concat(parts, size) };
}

/** The bytes carried by a stream of messages, picked out by PICK (null: skip the message). */
export async function* bytesOf<T>(
  messages: AsyncIterable<T>,
  pick: (m: T) => Uint8Array | null | undefined,
): AsyncGenerator<Buffer> {
  for await (const m of messages) {
    const data = pick(m);
    if (data?.length) yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
}
