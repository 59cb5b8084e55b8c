/**
 * gRPC's length-prefixed messages: 1 byte "compressed" flag, 4 bytes
 * big-endian length, the message. Pure.
 */
export function frame(message: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(5 + message.length);
  out[0] = 0;
  out.writeUInt32BE(message.length, 1);
  out.set(message, 5);
  return out;
}

/**
 * Accumulates bytes and hands out whole messages as they complete. Chunks are kept as they come
 * and joined once per message: joining at every chunk copied a message of N chunks N times over
 * (a `service ps` answer of a few MB cost seconds of CPU).
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private length = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.length += chunk.length;
    const messages: Buffer[] = [];
    while (this.length >= 5) {
      const head = this.peek(5);
      if (head[0] !== 0) throw new Error('compressed gRPC messages are not supported');
      const size = head.readUInt32BE(1);
      if (this.length < 5 + size) break;
      messages.push(this.take(5 + size).subarray(5));
    }
    return messages;
  }

  get pending(): number {
    return this.length;
  }

  /** The first N bytes (N ≤ length), joining only the chunks they span. */
  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) {
      let count = 0;
      for (let have = 0; have < n; count++) have += this.chunks[count].length;
      this.chunks.splice(0, count, Buffer.concat(this.chunks.slice(0, count)));
    }
    return this.chunks[0];
  }

  /** Removes and returns the first N bytes (N ≤ length). */
  private take(n: number): Buffer {
    const first = this.peek(n);
    this.length -= n;
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    return first.subarray(0, n);
  }
}
