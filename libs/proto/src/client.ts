/**
 * A lean gRPC client over Node's own http2, for the CLI: it starts on every
 * command, so it loads no more than http2 and the generated codecs. The
 * wire format is gRPC's; the agent serves it with @grpc/grpc-js.
 */
import * as http2 from 'node:http2';
import * as net from 'node:net';
import { frame, FrameReader } from './framing';
import { ENGINE_SERVICE, type EngineMethod } from './generated/engine-service';
import type { Decoded } from './decoded';
import { decodeGrpcMessage, ERROR_CODE_HEADER, ERROR_KIND_HEADER, RpcError, Status } from './status';

type Spec<M extends EngineMethod> = (typeof ENGINE_SERVICE)[M];
/** What may be sent: plain objects, every field optional. */
export type RequestOf<M extends EngineMethod> = Parameters<Spec<M>['requestType']['encode']>[0];
/** What arrives: decoded messages, every field present (defaults for the unset). */
export type ResponseOf<M extends EngineMethod> = Decoded<ReturnType<Spec<M>['responseType']['decode']>>;

/** A bidirectional call: send requests, read responses; end() says no more requests. */
export interface Duplex<M extends EngineMethod> extends AsyncIterable<ResponseOf<M>> {
  send(request: RequestOf<M>): void;
  end(): void;
  cancel(): void;
}

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

export class EngineClient {
  private session: http2.ClientHttp2Session | null = null;

  constructor(readonly socket: string) {}

  private connect(): http2.ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = http2.connect('http://berth', { createConnection: () => net.connect(this.socket) });
    session.on('error', () => undefined); // surfaced per call
    this.session = session;
    return session;
  }

  /** Closes the connection once the calls on it are done; resolves when it is closed. */
  close(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (!session || session.closed || session.destroyed) return Promise.resolve();
    return new Promise((resolve) => session.close(() => resolve()));
  }

  private open<M extends EngineMethod>(
    method: M,
  ): { stream: http2.ClientHttp2Stream; responses: AsyncGenerator<ResponseOf<M>> } {
    const spec = ENGINE_SERVICE[method];
    const stream = this.connect().request({
      ':method': 'POST',
      ':path': spec.path,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    const socket = this.socket;
    async function* responses(): AsyncGenerator<ResponseOf<M>> {
      const reader = new FrameReader();
      let headers: http2.IncomingHttpHeaders = {};
      let trailers: http2.IncomingHttpHeaders | null = null;
      stream.on('response', (h) => (headers = h));
      stream.on('trailers', (t) => (trailers = t));
      try {
        for await (const chunk of stream)
          for (const message of reader.push(chunk as Buffer))
            yield spec.responseType.decode(message) as ResponseOf<M>;
      } catch (error) {
        throw transportError(error as NodeJS.ErrnoException, socket);
      } finally {
        // the answer is over (or no longer wanted): a request side still open would hold the session
        if (!stream.closed) stream.close(http2.constants.NGHTTP2_NO_ERROR);
      }
      const final = trailers ?? headers;
      const status = Number(
        final['grpc-status'] ?? (Number(final[':status']) === 200 ? Status.UNKNOWN : Status.UNAVAILABLE),
      );
      if (status !== Status.OK) {
        const code = final[ERROR_CODE_HEADER];
        throw new RpcError(
          status,
          decodeGrpcMessage(String(final['grpc-message'] ?? `the engine answered with status ${status}`)),
          String(final[ERROR_KIND_HEADER] ?? ''),
          code === undefined ? undefined : Number(code),
        );
      }
    }
    return { stream, responses: responses() };
  }

  /** One request, one response. */
  async call<M extends EngineMethod>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
    let result: ResponseOf<M> | undefined;
    for await (const response of this.stream(method, request)) result = response;
    if (result === undefined) throw new RpcError(Status.INTERNAL, `${method}: the engine sent no answer`);
    return result;
  }

  /** One request, a stream of responses. */
  stream<M extends EngineMethod>(method: M, request: RequestOf<M>): AsyncGenerator<ResponseOf<M>> {
    const { stream, responses } = this.open(method);
    stream.end(frame(ENGINE_SERVICE[method].requestType.encode(request as never).finish()));
    return responses;
  }

  duplex<M extends EngineMethod>(method: M): Duplex<M> {
    const { stream, responses } = this.open(method);
    const encode = (request: RequestOf<M>) =>
      frame(ENGINE_SERVICE[method].requestType.encode(request as never).finish());
    return {
      send: (request) => {
        if (!stream.closed && !stream.destroyed && stream.writable) stream.write(encode(request));
      },
      end: () => {
        if (!stream.closed && stream.writable) stream.end();
      },
      cancel: () => stream.close(http2.constants.NGHTTP2_CANCEL),
      [Symbol.asyncIterator]: () => responses,
    };
  }
}

function transportError(error: NodeJS.ErrnoException, socket: string): Error {
  if (error instanceof RpcError) return error;
  // a failed connect surfaces as a cancelled stream whose cause is the socket's error
  const code = (error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.code ?? '';
  if (code === 'ENOENT' || code === 'ECONNREFUSED')
    return new RpcError(
      Status.UNAVAILABLE,
      `Cannot connect to the Berth engine at unix://${socket}. Is berthd running? (start it with bin/berthd, or point -H / BERTH_HOST at it)`,
      'EngineUnavailable',
    );
  if (code === 'EACCES')
    return new RpcError(
      Status.PERMISSION_DENIED,
      `permission denied on unix://${socket}: the engine socket is root's; run berth as root`,
      'EngineUnavailable',
    );
  return error;
}
