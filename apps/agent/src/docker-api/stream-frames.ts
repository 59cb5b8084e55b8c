/**
 * How the Docker API carries a process's output: without a terminal, each chunk in a frame of
 * its own (`[stream, 0, 0, 0, size(4, big-endian)]` then the bytes — stdcopy's format, which the
 * docker client and dockerode take apart); with one, the bytes as they come. Pure.
 */
import { compareApiVersions } from './api-version';

export type OutputStream = 'stdout' | 'stderr';

const STREAM_BYTE: Record<OutputStream, number> = { stdout: 1, stderr: 2 };

/** One chunk of STREAM's output in the multiplexed format. */
export function muxFrame(stream: OutputStream, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header[0] = STREAM_BYTE[stream];
  header.writeUInt32BE(data.length, 4);
  return Buffer.concat([header, data]);
}

/** What goes on the wire for a chunk: framed without a terminal, raw with one. */
export function outputChunk(tty: boolean, stream: OutputStream, data: Buffer): Buffer {
  return tty ? data : muxFrame(stream, data);
}

/** The Content-Type of an output stream (API 1.42 named the multiplexed one). */
export function outputContentType(tty: boolean, apiVersion: string): string {
  return !tty && compareApiVersions(apiVersion, '1.42') >= 0
    ? 'application/vnd.docker.multiplexed-stream'
    : 'application/vnd.docker.raw-stream';
}

/** A log entry as `docker logs` shows it: with `--timestamps`, its RFC 3339 time and a space first. */
export function logText(entry: { log: string; time: string }, timestamps: boolean): string {
  return timestamps ? `${entry.time} ${entry.log}` : entry.log;
}

/** Frames of a multiplexed stream, taken apart (for tests and clients); a partial frame is left. */
export function demux(buffer: Buffer): { frames: { stream: number; data: Buffer }[]; rest: Buffer } {
  const frames: { stream: number; data: Buffer }[] = [];
  let at = 0;
  while (buffer.length - at >= 8) {
    const size = buffer.readUInt32BE(at + 4);
    if (buffer.length - at - 8 < size) break;
    frames.push({ stream: buffer[at], data: buffer.subarray(at + 8, at + 8 + size) });
    at += 8 + size;
  }
  return { frames, rest: buffer.subarray(at) };
}
