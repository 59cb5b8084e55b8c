/**
 * A client's sessions with a container's processes, whatever carries them (a hijacked
 * connection, or a plain streamed answer): attach (the main process's output from its log, and
 * its stdin) and exec (a new process's stdio). Output goes out in the Docker stream format.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { Readable } from 'node:stream';
import type { ContainersService } from '../containers/containers.service';
import type { LogOptions } from '../containers/logs';
import { isRunning, type ContainerRecord } from '../containers/model';
import type { EventsService } from '../events/events.service';
import type { ExecInstance } from './exec-store';
import { outputChunk } from './stream-frames';

export interface SessionIo {
  /** sends a chunk of output to the client */
  write(chunk: Buffer): void;
  /** what the client types, when it may */
  input: Readable | null;
  /** aborts when the client goes away */
  signal: AbortSignal;
}

export interface AttachOptions {
  /** the output so far first */
  logs: boolean;
  /** then the output as it comes, until the process ends */
  stream: boolean;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

type SessionDeps = Pick<
  ContainersService,
  'repo' | 'layout' | 'logs' | 'holdRemoval' | 'attachment' | 'exec'
>;

const live = (c: ContainerRecord) => isRunning(c) || c.state.status === 'restarting';

/**
 * Attach to container REF: its output from now on (a container not running is followed from
 * its next start, as `docker start -a` needs), its stdin fed from the client's input. An --rm
 * container is kept until its output has been sent.
 */
export async function attachSession(
  containers: SessionDeps,
  events: Pick<EventsService, 'on'>,
  ref: string,
  o: AttachOptions,
  io: SessionIo,
): Promise<void> {
  const c = containers.repo.get(ref);
  if (io.input && !o.stdin) io.input.resume(); // read, so that the client leaving is noticed
  const release = c.hostConfig.autoRemove ? containers.holdRemoval(c.id) : () => undefined;
  try {
    const logPath = containers.layout.logPath(c);
    const sizeNow = () => fs.statSync(logPath, { throwIfNoEntry: false })?.size ?? 0;
    const options: LogOptions = {
      follow: false,
      sinceMs: 0,
      untilMs: 0,
      tail: -1,
      stdout: o.stdout,
      stderr: o.stderr,
    };
    const send = (stream: 'stdout' | 'stderr', log: string) =>
      io.write(outputChunk(c.config.tty, stream, Buffer.from(log)));
    let offset = sizeNow();
    if (o.logs) {
      for await (const e of containers.logs(c.id, options, io.signal)) send(e.stream, e.log);
      offset = sizeNow();
    }
    if (!o.stream || io.signal.aborted) return;
    if (!live(containers.repo.find(c.id) ?? c) && !(await nextStart(events, c.id, io.signal))) return;
    if (o.stdin && io.input) feedStdin(containers.attachment(c).stdinPath, io.input, io.signal);
    for await (const e of containers.logs(c.id, { ...options, follow: true }, io.signal, offset))
      send(e.stream, e.log);
  } finally {
    release();
  }
}

/** Resolves true when container ID starts, false when it is removed first or the client leaves. */
function nextStart(events: Pick<EventsService, 'on'>, id: string, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (started: boolean) => {
      off();
      signal.removeEventListener('abort', left);
      resolve(started);
    };
    const left = () => finish(false);
    const off = events.on((e) => {
      if (e.type !== 'container' || e.id !== id) return;
      if (e.action === 'start') finish(true);
      else if (e.action === 'destroy') finish(false);
    });
    signal.addEventListener('abort', left);
  });
}

/** The client's input into the container's stdin fifo, until the client ends it or goes away. */
function feedStdin(fifo: string | null, input: Readable, signal: AbortSignal): void {
  if (!fifo) {
    input.resume(); // not opened with -i: what it types goes nowhere
    return;
  }
  let writer: net.Socket;
  try {
    const fd = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    writer = new net.Socket({ fd, readable: false, writable: true });
  } catch {
    return; // the process has gone already
  }
  writer.on('error', () => undefined); // the container went away: its exit ends the session
  input.on('data', (d: Buffer) => writer.write(d));
  input.on('end', () => writer.end());
  input.resume();
  signal.addEventListener('abort', () => writer.destroy());
}

/**
 * Runs exec instance E in its container with the client on its stdio, and notes how it ended.
 * Leaving does not stop the process (as with dockerd); DETACH does not wait for it at all.
 */
export async function execSession(
  containers: Pick<ContainersService, 'exec'>,
  e: ExecInstance,
  size: { rows: number; cols: number } | null,
  io: SessionIo | null,
): Promise<void> {
  const proc = await containers.exec(e.containerId, {
    ...e.request,
    terminal: e.tty ? { rows: size?.rows || 24, cols: size?.cols || 80 } : null,
  });
  Object.assign(e, { running: true, started: true, pid: proc.pid, resize: proc.resize.bind(proc) });
  const ended = (s: Readable | null) =>
    new Promise<void>((resolve) => (s ? s.on('end', resolve).on('error', () => resolve()) : resolve()));
  const relay = (s: Readable | null, stream: 'stdout' | 'stderr', wanted: boolean) =>
    s?.on('data', (d: Buffer) => {
      if (wanted && io && !io.signal.aborted) io.write(outputChunk(e.tty, stream, d));
    });
  relay(proc.stdout, 'stdout', e.attachStdout);
  relay(proc.stderr, 'stderr', e.attachStderr);
  if (io?.input && e.attachStdin && proc.stdin) {
    const stdin = proc.stdin;
    stdin.on('error', () => undefined);
    io.input.on('data', (d: Buffer) => stdin.write(d));
    io.input.on('end', () => stdin.end());
    io.input.resume();
    io.signal.addEventListener('abort', () => stdin.end());
  } else {
    proc.stdin?.end();
    io?.input?.resume(); // what the client types goes nowhere
  }
  const finished = Promise.all([proc.exit, ended(proc.stdout), ended(proc.stderr)]).then(([code]) => {
    Object.assign(e, { running: false, exitCode: code, resize: null });
  });
  if (io) await finished;
  else void finished.catch(() => undefined);
}
