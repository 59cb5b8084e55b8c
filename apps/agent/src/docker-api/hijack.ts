/**
 * The Docker API's hijacked connections: `POST /containers/{id}/attach` and `POST
 * /exec/{id}/start` ask to upgrade (`Connection: Upgrade`, `Upgrade: tcp`), and after dockerd's
 * `101 UPGRADED` the connection carries the process's stdio both ways. Node hands such a request
 * to the server's `upgrade` event with the socket out of HTTP's hands, so these two routes are
 * served here rather than by the Nest routes; the sessions themselves are in sessions.ts.
 */
import type { IncomingMessage } from 'node:http';
import { flag } from './query';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ContainersService } from '../containers/containers.service';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../errors';
import type { EventsService } from '../events/events.service';
import { ENGINE_VERSION } from '../system/version';
import { servedVersion, splitApiPath } from './api-version';
import type { ExecStore } from './exec-store';
import { dockerErrorOf } from './http-errors';
import { dockerAnswerHeaders } from './request-version';
import { attachSession, execSession, type SessionIo } from './sessions';
import { outputChunk, outputContentType } from './stream-frames';

export interface HijackDeps {
  containers: ContainersService;
  events: EventsService;
  execs: ExecStore;
}

/** The server's `upgrade` listener. */
export function hijackedRequests(deps: HijackDeps) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    let version = servedVersion(null);
    socket.on('error', () => undefined); // a client gone mid-stream
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://docker');
      const api = splitApiPath(url.pathname);
      version = servedVersion(api.version);
      const attach = /^\/containers\/([^/]+)\/attach$/.exec(api.path);
      const exec = /^\/exec\/([^/]+)\/start$/.exec(api.path);
      if (req.method === 'POST' && attach)
        await attachOn(deps, decodeURIComponent(attach[1]), url, socket, head, version);
      else if (req.method === 'POST' && exec)
        await execOn(deps, decodeURIComponent(exec[1]), req, socket, head, version);
      else answer(socket, version, 404, { message: 'page not found' });
    })().catch((error: unknown) => {
      if (socket.writable && !upgraded.has(socket)) {
        const { status, body } = dockerErrorOf(error);
        answer(socket, version, status, body);
      } else socket.end();
    });
  };
}

const upgraded = new WeakSet<Duplex>();

async function attachOn(
  deps: HijackDeps,
  ref: string,
  url: URL,
  socket: Duplex,
  head: Buffer,
  version: string,
) {
  const c = deps.containers.repo.get(ref);
  if (c.state.status === 'removing') throw new ConflictError(`container ${c.id} is being removed`);
  const q = url.searchParams;
  upgrade(socket, version, c.config.tty, head);
  await attachSession(
    deps.containers,
    deps.events,
    c.id,
    {
      logs: flag(q.get('logs') ?? undefined),
      stream: flag(q.get('stream') ?? undefined),
      stdin: flag(q.get('stdin') ?? undefined),
      stdout: flag(q.get('stdout') ?? undefined),
      stderr: flag(q.get('stderr') ?? undefined),
    },
    sessionIo(socket),
  );
  socket.end();
}

async function execOn(
  deps: HijackDeps,
  id: string,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  version: string,
) {
  const e = deps.execs.get(id);
  const { body, rest } = await readBody(socket, head, Number(req.headers['content-length'] ?? 0));
  const start = execStartOf(body);
  if (e.started) throw new ConflictError(`exec command ${e.id} has already run`);
  if (!deps.containers.repo.find(e.containerId))
    throw new NotFoundError(`No such container: ${e.containerId}`);
  upgrade(socket, version, e.tty, rest);
  try {
    await execSession(deps.containers, e, start.size, sessionIo(socket));
  } catch (error) {
    // as dockerd: the failure goes to the client's stdout, and the exec ends as a command that could not run
    Object.assign(e, { running: false, exitCode: 126 });
    socket.write(outputChunk(e.tty, 'stdout', Buffer.from(`${dockerErrorOf(error).body.message}\r\n`)));
  }
  socket.end();
}

/** `ExecStartConfig`: detach and tty flags, and the terminal's [rows, cols]. */
export function execStartOf(body: Buffer): { detach: boolean; size: { rows: number; cols: number } | null } {
  if (!body.length) return { detach: false, size: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new InvalidArgumentError('the exec start body must be JSON: {"Detach": false, "Tty": false}');
  }
  const o = (parsed ?? {}) as { Detach?: unknown; ConsoleSize?: unknown };
  const size =
    Array.isArray(o.ConsoleSize) &&
    o.ConsoleSize.length === 2 &&
    o.ConsoleSize.every((n) => Number.isInteger(n) && n > 0)
      ? { rows: o.ConsoleSize[0] as number, cols: o.ConsoleSize[1] as number }
      : null;
  return { detach: o.Detach === true, size };
}

function sessionIo(socket: Duplex): SessionIo {
  const abort = new AbortController();
  socket.on('close', () => abort.abort());
  return { write: (chunk) => void socket.write(chunk), input: socket, signal: abort.signal };
}

/** dockerd's switch to the raw stream; REST is what the client sent after its request. */
function upgrade(socket: Duplex, version: string, tty: boolean, rest: Buffer): void {
  upgraded.add(socket);
  socket.write(
    [
      'HTTP/1.1 101 UPGRADED',
      `Content-Type: ${outputContentType(tty, version)}`,
      'Connection: Upgrade',
      'Upgrade: tcp',
      ...dockerHeaders(version),
      '',
      '',
    ].join('\r\n'),
  );
  (socket as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
  socket.pause(); // read only once a session wants the input
  if (rest.length) socket.unshift(rest);
}

function answer(socket: Duplex, version: string, status: number, body: { message: string }): void {
  const text = Buffer.from(JSON.stringify(body));
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
      'Content-Type: application/json',
      `Content-Length: ${text.length}`,
      'Connection: close',
      ...dockerHeaders(version),
      '',
      '',
    ].join('\r\n') + text.toString(),
  );
}

function dockerHeaders(version: string): string[] {
  return Object.entries(dockerAnswerHeaders(version, ENGINE_VERSION)).map(([k, v]) => `${k}: ${v}`);
}

/** The request's body of LENGTH bytes (HEAD holds its start), and whatever came after it. */
function readBody(socket: Duplex, head: Buffer, length: number): Promise<{ body: Buffer; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let got = head;
    const done = () => {
      socket.off('data', onData).off('end', onEnd);
      socket.pause();
      resolve({ body: got.subarray(0, length), rest: got.subarray(length) });
    };
    const onData = (d: Buffer) => {
      got = Buffer.concat([got, d]);
      if (got.length >= length) done();
    };
    const onEnd = () => reject(new InvalidArgumentError('the request ended before its body'));
    if (got.length >= length) return done();
    socket.on('data', onData).on('end', onEnd);
  });
}
