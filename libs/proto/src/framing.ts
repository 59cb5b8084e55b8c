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

/** Accumulates bytes and hands out whole messages as they complete. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const messages: Buffer[] = [];
    while (this.buffer.length >= 5) {
      if (this.buffer[0] !== 0) throw new Error('compressed gRPC messages are not supported');
      const length = this.buffer.readUInt32BE(1);
      if (this.buffer.length < 5 + length) break;
      messages.push(this.buffer.subarray(5, 5 + length));
      this.buffer = this.buffer.subarray(5 + length);
    }
    return messages;
  }

  get pending(): number {
    return this.buffer.length;
  }
}
