/**
 * Serving the Engine service with @grpc/grpc-js from plain async handlers:
 * unary → Promise, server stream → async iterable, client and bidi streams
 * read requests as an async iterable. Every method needs exactly one handler.
 * A thrown error becomes a gRPC status through TO_STATUS.
 */
import * as net from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { ENGINE_SERVICE } from './generated/engine-service';
import type { ServiceTable } from './client';
import type { Decoded } from './decoded';
import { ERROR_CODE_HEADER, ERROR_KIND_HEADER, Status } from './status';

export interface CallContext {
  /** Aborted when the client goes away or cancels. */
  signal: AbortSignal;
  /** The client's certificate (DER) on a TLS connection that presented one. */
  peerCertificate: Buffer | null;
  /** The client's address, as grpc-js reports it ("1.2.3.4:5678", "unix:…"). */
  peer: string;
}

type EngineTable = typeof ENGINE_SERVICE;
/** A handler gets decoded requests (every field present) and may answer with plain objects. */
export type RequestFor<S extends ServiceTable, M extends keyof S> = Decoded<
  ReturnType<S[M]['requestType']['decode']>
>;
export type ResponseFor<S extends ServiceTable, M extends keyof S> = Parameters<
  S[M]['responseType']['encode']
>[0];
type Requests<S extends ServiceTable, M extends keyof S> = S[M]['requestStream'] extends true
  ? AsyncIterable<RequestFor<S, M>>
  : RequestFor<S, M>;
type Responses<S extends ServiceTable, M extends keyof S> = S[M]['responseStream'] extends true
  ? AsyncIterable<ResponseFor<S, M>>
  : Promise<ResponseFor<S, M>>;

export type ServiceHandler<S extends ServiceTable, M extends keyof S> = (
  request: Requests<S, M>,
  context: CallContext,
) => Responses<S, M>;
export type Handlers<S extends ServiceTable> = { [M in keyof S]: ServiceHandler<S, M> };

export type HandlerRequest<M extends keyof EngineTable> = RequestFor<EngineTable, M>;
export type HandlerResponse<M extends keyof EngineTable> = ResponseFor<EngineTable, M>;
export type Handler<M extends keyof EngineTable> = ServiceHandler<EngineTable, M>;
export type EngineHandlers = Handlers<EngineTable>;

export interface StatusInfo {
  code: number;
  message: string;
  kind?: string;
  detailCode?: number;
}

function definition(table: ServiceTable): grpc.ServiceDefinition {
  const out: Record<string, grpc.MethodDefinition<object, object>> = {};
  for (const [name, spec] of Object.entries(table)) {
    out[name] = {
      path: spec.path,
      requestStream: spec.requestStream,
      responseStream: spec.responseStream,
      requestSerialize: (value: object) => Buffer.from(spec.requestType.encode(value as never).finish()),
      requestDeserialize: (bytes: Buffer) => spec.requestType.decode(bytes),
      responseSerialize: (value: object) => Buffer.from(spec.responseType.encode(value as never).finish()),
      responseDeserialize: (bytes: Buffer) => spec.responseType.decode(bytes),
      originalName: name,
    } as grpc.MethodDefinition<object, object>;
  }
  return out;
}

function grpcError(info: StatusInfo): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  if (info.kind) metadata.set(ERROR_KIND_HEADER, info.kind);
  if (info.detailCode !== undefined) metadata.set(ERROR_CODE_HEADER, String(info.detailCode));
  // grpc-js percent-encodes details itself
  return Object.assign(new Error(info.message), {
    code: info.code,
    details: info.message,
    metadata,
  }) as grpc.ServiceError;
}

type AnyCall =
  | grpc.ServerUnaryCall<object, object>
  | grpc.ServerReadableStream<object, object>
  | grpc.ServerWritableStream<object, object>
  | grpc.ServerDuplexStream<object, object>;

function contextOf(call: AnyCall): CallContext {
  const controller = new AbortController();
  const events = call as unknown as { on(event: 'cancelled' | 'close', listener: () => void): unknown };
  events.on('cancelled', () => controller.abort());
  events.on('close', () => controller.abort());
  const auth = call.getAuthContext();
  return {
    signal: controller.signal,
    peerCertificate: auth.sslPeerCertificate?.raw ?? null,
    peer: call.getPeer(),
  };
}

/**
 * The call's requests as an async iterable. Unlike `for await` over the
 * stream itself, a handler that stops reading early leaves the call open,
 * so it can still answer (e.g. an exit status after stdin closed).
 */
function requestsOf(call: grpc.ServerReadableStream<object, object>): AsyncIterable<object> {
  const queue: object[] = [];
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const onData = (message: object) => {
    queue.push(message);
    notify();
  };
  const onEnd = () => {
    ended = true;
    notify();
  };
  const onError = (error: Error) => {
    failure = error;
    notify();
  };
  call.on('data', onData);
  call.on('end', onEnd);
  call.on('error', onError);
  const stop = () => {
    call.off('data', onData);
    call.off('end', onEnd);
    call.off('error', onError);
  };
  return {
    [Symbol.asyncIterator]: () => ({
      async next(): Promise<IteratorResult<object>> {
        for (;;) {
          if (queue.length) return { value: queue.shift()!, done: false };
          if (failure) throw failure;
          if (ended) {
            stop();
            return { value: undefined, done: true };
          }
          await new Promise<void>((resolve) => (wake = resolve));
        }
      },
      async return(): Promise<IteratorResult<object>> {
        stop();
        return { value: undefined, done: true };
      },
    }),
  };
}

/** Turns HANDLERS into grpc-js's implementation, each failure answered with TO_STATUS's status. */
export function implementation<S extends ServiceTable>(
  table: S,
  handlers: Handlers<S>,
  toStatus: (error: unknown) => StatusInfo,
): grpc.UntypedServiceImplementation {
  const impl: grpc.UntypedServiceImplementation = {};
  for (const [name, spec] of Object.entries(table)) {
    const handler = handlers[name] as unknown as (request: unknown, context: CallContext) => unknown;
    if (typeof handler !== 'function') throw new Error(`no handler for ${spec.path}`);
    const fail = (error: unknown) => grpcError(toStatus(error));
    if (!spec.requestStream && !spec.responseStream) {
      impl[name] = (call: grpc.ServerUnaryCall<object, object>, callback: grpc.sendUnaryData<object>) => {
        (handler(call.request, contextOf(call)) as Promise<object>).then(
          (response) => callback(null, response),
          (error) => callback(fail(error)),
        );
      };
    } else if (!spec.requestStream) {
      impl[name] = (call: grpc.ServerWritableStream<object, object>) =>
        pump(handler(call.request, contextOf(call)) as AsyncIterable<object>, call, fail);
    } else if (!spec.responseStream) {
      impl[name] = (
        call: grpc.ServerReadableStream<object, object>,
        callback: grpc.sendUnaryData<object>,
      ) => {
        (handler(requestsOf(call), contextOf(call)) as Promise<object>).then(
          (response) => callback(null, response),
          (error) => callback(fail(error)),
        );
      };
    } else {
      impl[name] = (call: grpc.ServerDuplexStream<object, object>) =>
        pump(
          handler(
            requestsOf(call as unknown as grpc.ServerReadableStream<object, object>),
            contextOf(call),
          ) as AsyncIterable<object>,
          call,
          fail,
        );
    }
  }
  return impl;
}

/** Writes each response, honouring back-pressure; ends with OK, or with the failure's status. */
async function pump(
  responses: AsyncIterable<object>,
  call: grpc.ServerWritableStream<object, object> | grpc.ServerDuplexStream<object, object>,
  fail: (error: unknown) => grpc.ServiceError,
): Promise<void> {
  try {
    for await (const response of responses) {
      if (call.cancelled) return;
      if (!call.write(response)) await new Promise((resolve) => call.once('drain', resolve));
    }
    call.end();
  } catch (error) {
    if (!call.cancelled) call.emit('error', fail(error));
  }
}

/** One service a server offers: its method table and a handler for every method. */
export interface Offered<S extends ServiceTable> {
  table: S;
  handlers: Handlers<S>;
}

/** TLS for a TCP listener: clients may present a certificate; handlers decide what each method needs. */
export interface ServerTls {
  ca: string;
  cert: string;
  key: string;
}

/**
 * TLS that asks every client for a certificate and admits those without one (createSsl either
 * refuses them or never asks): a joining machine has none yet, so each handler checks what its
 * method needs from CallContext.peerCertificate.
 */
class CertificateOptionalCredentials extends grpc.ServerCredentials {
  constructor(tls: ServerTls) {
    super({ requestCert: true, rejectUnauthorized: false }, { ca: tls.ca, cert: tls.cert, key: tls.key });
  }

  _equals(other: grpc.ServerCredentials): boolean {
    return other === this;
  }
}

/** A grpc-js server offering SERVICES on ADDRESS (unix:///path or host:port, the latter with TLS). */
export async function serveAll(
  address: string,
  services: Offered<ServiceTable>[],
  toStatus: (error: unknown) => StatusInfo,
  tls?: ServerTls,
): Promise<grpc.Server> {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 64 << 20,
    'grpc.max_send_message_length': 64 << 20,
  });
  for (const { table, handlers } of services)
    server.addService(definition(table), implementation(table, handlers, toStatus));
  const credentials = tls ? new CertificateOptionalCredentials(tls) : grpc.ServerCredentials.createInsecure();
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(address, credentials, (error) => (error ? reject(error) : resolve())),
  );
  return server;
}

/** A grpc-js server with the Engine service, listening on ADDRESS (e.g. unix:///run/berth/berth.sock). */
export function serve(
  address: string,
  handlers: EngineHandlers,
  toStatus: (error: unknown) => StatusInfo,
): Promise<grpc.Server> {
  return serveAll(
    address,
    [{ table: ENGINE_SERVICE, handlers } as unknown as Offered<ServiceTable>],
    toStatus,
  );
}

export { Status };

/** Whether a server answers on the unix socket at FILE (before serving there: is it taken?). */
export function socketAnswers(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(file);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
