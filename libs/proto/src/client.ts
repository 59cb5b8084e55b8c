/**
 * A lean gRPC client over Node's own http2: the CLI starts on every command,
 * so it loads no more than http2 and the generated codecs. The wire format is
 * gRPC's; agents and managers serve it with @grpc/grpc-js. One client speaks
 * one service (the engine over its unix socket, the manager's Cluster or
 * Dispatcher over TLS).
 */
import * as http2 from 'node:http2';
import * as net from 'node:net';
import { frame, FrameReader } from './framing';
import { ENGINE_SERVICE } from './generated/engine-service';
import type { Decoded } from './decoded';
import { decodeGrpcMessage, ERROR_CODE_HEADER, ERROR_KIND_HEADER, RpcError, Status } from './status';

/** A codec as pbjs generates it. */
interface Codec {
  encode(message: never): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
}
export interface MethodSpec {
  path: string;
  requestType: Codec;
  responseType: Codec;
  requestStream: boolean;
  responseStream: boolean;
}
export type ServiceTable = Record<string, MethodSpec>;

/** What may be sent: plain objects, every field optional. */
export type RequestOf<S extends ServiceTable, M extends keyof S> = Parameters<
  S[M]['requestType']['encode']
>[0];
/** What arrives: decoded messages, every field present (defaults for the unset). */
export type ResponseOf<S extends ServiceTable, M extends keyof S> = Decoded<
  ReturnType<S[M]['responseType']['decode']>
>;

/** A bidirectional call: send requests, read responses; end() says no more requests. */
export interface Duplex<Request, Response> extends AsyncIterable<Response> {
  send(request: Request): void;
  end(): void;
  cancel(): void;
}

/** Where the server is: a unix socket (trusted by its file mode) or host:port over TLS. */
export type Endpoint =
  | { socket: string }
  | {
      address: string;
      tls: {
        ca: string;
        cert?: string;
        key?: string;
        /** only to fetch a CA pinned by other means */ insecure?: boolean;
      };
    };

/** Names the server in errors: "the Berth engine", with a hint on how to start it. */
export interface ServerName {
  what: string;
  hint: string;
}

const ENGINE_NAME: ServerName = {
  what: 'the Berth engine',
  hint: 'Is berthd running? (start it with bin/berthd, or point -H / BERTH_HOST at it)',
};

/** "unix:///run/berth/berth.sock" or a plain path → the socket path. */
export function socketPath(host: string): string {
  if (host.startsWith('unix://')) return host.slice('unix://'.length);
  if (host.startsWith('unix:')) return host.slice('unix:'.length);
  if (host.includes('://'))
    throw new RpcError(
      Status.INVALID_ARGUMENT,
      `unsupported engine address "${host}": use unix:///path/to/berth.sock`,
    );
  return host;
}

export class GrpcClient<S extends ServiceTable> {
  private session: http2.ClientHttp2Session | null = null;

  constructor(
    readonly service: S,
    readonly endpoint: Endpoint,
    private readonly name: ServerName,
    /**
     * Pings the server this often and drops the connection (failing its calls) when a ping goes
     * unanswered as long: a long-lived stream over a cut link otherwise waits on TCP's
     * retransmissions for minutes. 0: never.
     */
    private readonly pingEveryMs = 0,
  ) {}

  get where(): string {
    return 'socket' in this.endpoint ? `unix://${this.endpoint.socket}` : this.endpoint.address;
  }

  private connect(): http2.ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const endpoint = this.endpoint;
    const session =
      'socket' in endpoint
        ? http2.connect('http://berth', { createConnection: () => net.connect(endpoint.socket) })
        : http2.connect(`https://${endpoint.address}`, {
            ca: endpoint.tls.ca,
            cert: endpoint.tls.cert,
            key: endpoint.tls.key,
            rejectUnauthorized: !endpoint.tls.insecure,
          });
    session.on('error', () => undefined); // surfaced per call
    if (this.pingEveryMs > 0) this.keepPinging(session);
    this.session = session;
    return session;
  }

  private keepPinging(session: http2.ClientHttp2Session): void {
    // a connect across a cut link waits on SYN retries for minutes: given up like a lost ping
    const connecting = setTimeout(() => {
      if (session.connecting) session.destroy(new Error(`could not connect to ${this.where} in time`));
    }, this.pingEveryMs);
    connecting.unref();
    let answered = true;
    const timer = setInterval(() => {
      if (session.connecting) return;
      if (!answered) {
        session.destroy(new Error(`${this.where} did not answer a ping within ${this.pingEveryMs} ms`));
        return;
      }
      answered = false;
      session.ping((error) => (answered = !error));
    }, this.pingEveryMs);
    timer.unref();
    session.on('close', () => (clearInterval(timer), clearTimeout(connecting)));
  }

  /** Closes the connection once the calls on it are done; resolves when it is closed. */
  close(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (!session || session.closed || session.destroyed) return Promise.resolve();
    return new Promise((resolve) => session.close(() => resolve()));
  }

  /** The server's certificate as this connection saw it (TLS only). */
  peerCertificateDer(): Buffer | null {
    const socket = this.session?.socket as
      (net.Socket & { getPeerCertificate?: () => { raw?: Buffer } }) | undefined;
    return socket?.getPeerCertificate?.()?.raw ?? null;
  }

  private open<M extends keyof S>(
    method: M,
  ): { stream: http2.ClientHttp2Stream; responses: AsyncGenerator<ResponseOf<S, M>> } {
    const spec = this.service[method];
    const stream = this.connect().request({
      ':method': 'POST',
      ':path': spec.path,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    const fail = (error: NodeJS.ErrnoException) => transportError(error, this.where, this.name);
    async function* responses(): AsyncGenerator<ResponseOf<S, M>> {
      const reader = new FrameReader();
      let headers: http2.IncomingHttpHeaders = {};
      let trailers: http2.IncomingHttpHeaders | null = null;
      stream.on('response', (h) => (headers = h));
      stream.on('trailers', (t) => (trailers = t));
      try {
        for await (const chunk of stream)
          for (const message of reader.push(chunk as Buffer))
            yield spec.responseType.decode(message) as ResponseOf<S, M>;
      } catch (error) {
        throw fail(error as NodeJS.ErrnoException);
      } finally {
        // the answer is over (or no longer wanted): a request side still open would hold the session
        if (!stream.closed) stream.close(http2.constants.NGHTTP2_NO_ERROR);
      }
      throwUnlessOk(trailers ?? headers);
    }
    return { stream, responses: responses() };
  }

  private encode<M extends keyof S>(method: M, request: RequestOf<S, M>): Uint8Array {
    return frame(this.service[method].requestType.encode(request as never).finish());
  }

  /** One request, one response. */
  async call<M extends keyof S>(method: M, request: RequestOf<S, M>): Promise<ResponseOf<S, M>> {
    let result: ResponseOf<S, M> | undefined;
    for await (const response of this.stream(method, request)) result = response;
    if (result === undefined)
      throw new RpcError(Status.INTERNAL, `${String(method)}: ${this.name.what} sent no answer`);
    return result;
  }

  /** One request, a stream of responses. */
  stream<M extends keyof S>(method: M, request: RequestOf<S, M>): AsyncGenerator<ResponseOf<S, M>> {
    const { stream, responses } = this.open(method);
    stream.end(this.encode(method, request));
    return responses;
  }

  duplex<M extends keyof S>(method: M): Duplex<RequestOf<S, M>, ResponseOf<S, M>> {
    const { stream, responses } = this.open(method);
    return {
      send: (request) => {
        if (!stream.closed && !stream.destroyed && stream.writable)
          stream.write(this.encode(method, request));
      },
      end: () => {
        if (!stream.closed && stream.writable) stream.end();
      },
      cancel: () => stream.close(http2.constants.NGHTTP2_CANCEL),
      [Symbol.asyncIterator]: () => responses,
    };
  }
}

/** The engine on its unix socket. */
export class EngineClient extends GrpcClient<typeof ENGINE_SERVICE> {
  constructor(readonly socket: string) {
    super(ENGINE_SERVICE, { socket }, ENGINE_NAME);
  }
}

function throwUnlessOk(final: http2.IncomingHttpHeaders): void {
  const status = Number(
    final['grpc-status'] ?? (Number(final[':status']) === 200 ? Status.UNKNOWN : Status.UNAVAILABLE),
  );
  if (status === Status.OK) return;
  const code = final[ERROR_CODE_HEADER];
  throw new RpcError(
    status,
    decodeGrpcMessage(String(final['grpc-message'] ?? `the server answered with status ${status}`)),
    String(final[ERROR_KIND_HEADER] ?? ''),
    code === undefined ? undefined : Number(code),
  );
}

function transportError(error: NodeJS.ErrnoException, where: string, name: ServerName): Error {
  if (error instanceof RpcError) return error;
  // a failed connect surfaces as a cancelled stream whose cause is the socket's error
  const cause = (error.cause as NodeJS.ErrnoException | undefined) ?? error;
  const code = cause.code ?? '';
  if (code === 'ENOENT' || code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT')
    return new RpcError(
      Status.UNAVAILABLE,
      `Cannot connect to ${name.what} at ${where}. ${name.hint}`,
      'EngineUnavailable',
    );
  if (code === 'EACCES')
    return new RpcError(
      Status.PERMISSION_DENIED,
      `permission denied on ${where}: the socket is root's; run berth as root`,
      'EngineUnavailable',
    );
  if (code.startsWith('ERR_TLS') || /certificate|SSL|tls/i.test(cause.message ?? ''))
    return new RpcError(
      Status.UNAUTHENTICATED,
      `TLS with ${name.what} at ${where} failed: ${cause.message}`,
      'TlsFailed',
    );
  return error;
}

/** A bidirectional call of the engine's method M. */
export type EngineDuplex<M extends keyof typeof ENGINE_SERVICE> = Duplex<
  RequestOf<typeof ENGINE_SERVICE, M>,
  ResponseOf<typeof ENGINE_SERVICE, M>
>;
