/**
 * Reading a container's json-file log as `docker logs` does: since, until,
 * tail, one stream or both, and following what the shim appends (through
 * rotations) until the container stops and nothing is left to read.
 */
import * as fs from 'node:fs';
import { parseJsonLog, readJsonLog, type LogEntry } from '@berth/runtime';

export interface LogOptions {
  follow: boolean;
  sinceMs: number;
  untilMs: number;
  /** -1: all. */
  tail: number;
  stdout: boolean;
  stderr: boolean;
}

/** Which entries to show of those already written. Pure. */
export function selectEntries(entries: readonly LogEntry[], o: LogOptions): LogEntry[] {
  const picked = entries.filter((e) => {
    if (e.stream === 'stdout' ? !o.stdout : !o.stderr) return false;
    const t = Date.parse(e.time);
    return (!o.sinceMs || t >= o.sinceMs) && (!o.untilMs || t <= o.untilMs);
  });
  return o.tail >= 0 ? picked.slice(Math.max(0, picked.length - o.tail)) : picked;
}

/**
 * The log's entries; with FOLLOW, then whatever is appended, until RUNNING
 * says the container is done (and the last bytes are read) or SIGNAL aborts.
 * FROM_OFFSET starts following at that byte of the current file instead of
 * reading what is there (for `run`, which shows only this run's output).
 * EXITED, when given, resolves as the process ends: the follow then finishes at
 * once rather than at its next look (a process that exits without writing
 * changes nothing in the file to wake it).
 */
export async function* streamLog(
  file: string,
  o: LogOptions,
  running: () => boolean,
  signal: AbortSignal,
  fromOffset?: number,
  exited?: Promise<unknown>,
): AsyncGenerator<LogEntry> {
  let offset = fromOffset ?? 0;
  if (fromOffset === undefined) {
    for (const e of selectEntries(readJsonLog(file), o)) yield e;
    offset = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (!o.follow) return;
  }

  let pending = '';
  let ino = fs.statSync(file, { throwIfNoEntry: false })?.ino;
  for (;;) {
    // the shim flushes the log before it records the exit, so a read after the end reads everything
    const ended = !running();
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (st && (st.ino !== ino || st.size < offset)) {
      // rotated: the new file starts from its beginning
      ino = st.ino;
      offset = 0;
      pending = '';
    }
    if (st && st.size > offset) {
      const fd = fs.openSync(file, 'r');
      const buf = Buffer.alloc(st.size - offset);
      fs.readSync(fd, buf, 0, buf.length, offset);
      fs.closeSync(fd);
      offset = st.size;
      const text = pending + buf.toString('utf8');
      const cut = text.lastIndexOf('\n') + 1;
      pending = text.slice(cut);
      for (const e of parseJsonLog(text.slice(0, cut))) {
        if (e.stream === 'stdout' ? !o.stdout : !o.stderr) continue;
        if (o.untilMs && Date.parse(e.time) > o.untilMs) return;
        yield e;
      }
      continue;
    }
    if (ended || signal.aborted) return;
    await (exited ? Promise.race([changeOf(file, 100, signal), exited]) : changeOf(file, 100, signal));
  }
}

/** Resolves when FILE changes, after at most MS, or on abort. */
function changeOf(file: string, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let watcher: fs.FSWatcher | undefined;
    const done = () => {
      clearTimeout(timer);
      watcher?.close();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    try {
      watcher = fs.watch(file, done);
    } catch {
      // not there yet: the timer will do
    }
  });
}
