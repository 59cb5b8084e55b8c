/**
 * How the agent runs short host programs (ip, CNI plugins, iptables): through berth-shim's
 * spawner mode (native/src/spawner.c), started once and sent one program per unix-socket
 * connection. Node forking itself copies the page tables of a process of a hundred megabytes and
 * then takes a copy-on-write fault on every page it touches; the spawner is a few hundred kilobytes.
 */
import type { ProgramOptions, ProgramResult, RunProgram } from '@berth/process';
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as os from 'node:os';
import { HostError } from '../errors';
import { locateShim } from './locate';

// spawner.c reads and writes its u32s in the machine's own byte order
const littleEndian = os.endianness() === 'LE';
const readU32 = (b: Buffer, at: number) => (littleEndian ? b.readUInt32LE(at) : b.readUInt32BE(at));

/** The request spawner.c reads: a u32 length, then MODE, ARGC, ARGV, ENVC, ENV (NUL-terminated), then stdin. */
export function encodeSpawnRequest(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  input = '',
  mode: 'run' | 'detach' = 'run',
): Buffer {
  const entries = Object.entries(env)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  const fields = [mode, String(argv.length), ...argv, String(entries.length), ...entries];
  if (fields.some((f) => f.includes('\0')))
    throw new HostError(`a NUL byte in the command ${argv.join(' ')}`);
  const body = Buffer.concat([Buffer.from(fields.map((f) => `${f}\0`).join('')), Buffer.from(input)]);
  const length = Buffer.alloc(4);
  if (littleEndian) length.writeUInt32LE(body.length);
  else length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

/** The answer spawner.c wrote (three u32: code, stdout length, stderr length; then both), or null while incomplete. */
export function decodeSpawnAnswer(answer: Buffer): ProgramResult | null {
  if (answer.length < 12) return null;
  const code = readU32(answer, 0);
  const outLength = readU32(answer, 4);
  const errLength = readU32(answer, 8);
  if (answer.length < 12 + outLength + errLength) return null;
  return {
    code,
    stdout: answer.toString('utf8', 12, 12 + outLength),
    stderr: answer.toString('utf8', 12 + outLength, 12 + outLength + errLength),
  };
}

/** A program started apart from the agent (ShimSpawner.detach). */
export interface DetachedProgram {
  pid: number;
  /** Its stderr and fd 3, paused, holding whatever it wrote after saying its pid. */
  socket: net.Socket;
}

export class ShimSpawner {
  private process: ChildProcess | null = null;
  private starting: Promise<void> | null = null;

  constructor(
    private readonly socketPath: string,
    /** the berth-shim it starts (and that container monitors and rebind run as) */
    readonly shimPath: string = locateShim(),
  ) {}

  readonly run: RunProgram = async (argv, options: ProgramOptions = {}) => {
    await this.ready();
    return this.request(argv, encodeSpawnRequest(argv, options.env ?? process.env, options.input));
  };

  /**
   * Starts ARGV on its own, to outlive the agent (spawner.c, MODE detach): a session of its own,
   * reaped by init, its stderr and fd 3 on the socket returned. A container's monitor starts so.
   */
  async detach(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<DetachedProgram> {
    await this.ready();
    const request = encodeSpawnRequest(argv, env, '', 'detach');
    return new Promise((resolve, reject) => {
      const socket = net.createConnection(this.socketPath);
      let head = Buffer.alloc(0);
      const settle = (error: string | null, pid = 0) => {
        socket.off('data', onData).off('error', onError).off('close', onClose);
        if (error === null) return resolve({ pid, socket });
        socket.destroy();
        reject(new HostError(`starting ${argv.join(' ')} through berth-shim spawner: ${error}`));
      };
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const nl = head.indexOf(0x0a);
        if (nl < 0) return;
        const said = head.toString('utf8', 0, nl);
        const pid = /^pid (\d+)$/.exec(said);
        if (!pid) return settle(`it said ${JSON.stringify(said)} instead of its pid`);
        socket.pause();
        if (nl + 1 < head.length) socket.unshift(head.subarray(nl + 1));
        settle(null, Number(pid[1]));
      };
      const onError = (error: Error) => settle(error.message);
      const onClose = () => settle(`it ended before saying its pid ${head.toString().trim()}`.trim());
      socket.on('data', onData).on('error', onError).on('close', onClose);
      socket.write(request);
    });
  }

  /** The spawner's process ID while it runs. */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  /**
   * Stops the spawner; programs it is running finish on their own, and a later run starts it
   * again (so shutdown hooks need no order). It also dies with the process that started it.
   */
  stop(): void {
    this.process?.kill('SIGKILL');
    this.process = null;
    this.starting = null;
  }

  /** Starts the spawner unless it runs; again after it died. */
  private ready(): Promise<void> {
    this.starting ??= new Promise<void>((resolve, reject) => {
      const child = spawn(this.shimPath, ['spawner', this.socketPath], { stdio: ['ignore', 'pipe', 'pipe'] });
      let said = '';
      const onOutput = (chunk: Buffer) => {
        said += chunk.toString();
        if (!said.includes('ready\n')) return;
        child.stdout.off('data', onOutput);
        child.unref();
        // a child's pipes are sockets; unreferenced, they let the agent exit without stopping us
        (child.stdout as net.Socket).unref();
        (child.stderr as net.Socket).unref();
        resolve();
      };
      let complaints = '';
      child.stdout.on('data', onOutput);
      child.stderr.on('data', (d: Buffer) => (complaints += d.toString()));
      child.on('error', (error) => reject(new HostError(`starting berth-shim spawner: ${error.message}`)));
      child.on('exit', (code, signal) => {
        if (this.process === child) {
          this.process = null;
          this.starting = null;
        }
        reject(new HostError(`berth-shim spawner exited (${signal ?? code}) ${complaints.trim()}`.trim()));
      });
      this.process = child;
    });
    return this.starting;
  }

  private request(argv: readonly string[], request: Buffer): Promise<ProgramResult> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = net.createConnection(this.socketPath);
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', (error) =>
        reject(new HostError(`running ${argv.join(' ')} through berth-shim spawner: ${error.message}`)),
      );
      socket.on('close', () => {
        const answer = decodeSpawnAnswer(Buffer.concat(chunks));
        if (answer) resolve(answer);
        else reject(new HostError(`berth-shim spawner gave no answer for ${argv.join(' ')}`));
      });
      // not end(): the spawner takes a hang-up as "no longer wanted" and kills the program
      socket.write(request);
    });
  }
}
