/**
 * Processes the local cluster starts (agents, etcd, Redis, the manager):
 * detached, their output in a log file, known afterwards only by the record
 * of pid, start time and a path in their command line — so they are
 * signalled by pid, and never when the pid has gone to someone else.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { StartError } from './errors';
import type { ProcessRecord } from './state';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** [state, start time] of PID from /proc/PID/stat, or null when there is no such process. */
function procStat(pid: number): [string, number] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return [fields[0], Number(fields[19])];
  } catch {
    return null;
  }
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The recorded process is still the one we started, and has not exited. */
export function isRunning(record: ProcessRecord): boolean {
  return isAlive(record) && commandLine(record.pid).includes(record.marker);
}

/**
 * The process with the recorded pid and start time has not exited. Without the command line
 * check: just after spawn the child may not have exec'd yet and still carries its parent's.
 */
function isAlive(record: ProcessRecord): boolean {
  const stat = procStat(record.pid);
  return !!stat && stat[0] !== 'Z' && stat[1] === record.startTime;
}

/** Starts COMMAND detached (it outlives this process), its output appended to LOG. */
export function spawnRecorded(
  command: string,
  args: readonly string[],
  options: { log: string; marker: string },
): ProcessRecord {
  const out = fs.openSync(options.log, 'a');
  try {
    const child = spawn(command, args, { stdio: ['ignore', out, out], detached: true });
    child.on('error', () => undefined); // a missing binary shows as a dead process below
    child.unref();
    const stat = child.pid === undefined ? null : procStat(child.pid);
    if (child.pid === undefined || !stat)
      throw new StartError(command, 'it could not be run', options.log, logTail(options.log));
    return { pid: child.pid, startTime: stat[1], marker: options.marker, log: options.log };
  } finally {
    fs.closeSync(out);
  }
}

/** Sends SIGNAL and waits up to TIMEOUT_MS for the process to end; true when it has. */
export async function signalAndWait(
  record: ProcessRecord,
  signal: NodeJS.Signals,
  timeoutMs: number,
): Promise<boolean> {
  if (!isRunning(record)) return true;
  process.kill(record.pid, signal);
  const deadline = Date.now() + timeoutMs;
  while (isRunning(record)) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

/** SIGTERM, then SIGKILL after GRACE_MS. False when it was not running. */
export async function stopRecorded(record: ProcessRecord | null, graceMs = 10_000): Promise<boolean> {
  if (!record || !isRunning(record)) return false;
  if (!(await signalAndWait(record, 'SIGTERM', graceMs))) await signalAndWait(record, 'SIGKILL', 5000);
  return true;
}

export function logTail(log: string, chars = 2000): string {
  try {
    return fs.readFileSync(log, 'utf8').slice(-chars).trim();
  } catch {
    return '';
  }
}

/** Waits until CHECK says the process serves; fails at once when it exits, with its log's tail. */
export async function waitUntilServing(
  what: string,
  record: ProcessRecord,
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    // a process we just started: its pid and start time say it is still the same one
    if (!isAlive(record)) throw new StartError(what, 'it exited', record.log, logTail(record.log));
    if (Date.now() > deadline)
      throw new StartError(
        what,
        `it did not answer within ${timeoutMs / 1000} s`,
        record.log,
        logTail(record.log),
      );
    await sleep(50);
  }
}

function answers(connect: () => net.Socket): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export const unixSocketAnswers = (file: string): Promise<boolean> => answers(() => net.connect(file));

export const tcpPortAnswers = (host: string, port: number): Promise<boolean> =>
  answers(() => net.connect(port, host));

/** A TCP port on 127.0.0.1 nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** PREFERRED when nothing listens on it on 127.0.0.1, else a free port. */
export async function preferredPort(preferred: number | undefined): Promise<number> {
  if (preferred === undefined) return freePort();
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(preferred, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  return free ? preferred : freePort();
}
