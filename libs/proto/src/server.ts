/**
 * Serving the Engine service with @grpc/grpc-js from plain async handlers:
 * unary → Promise, server stream → async iterable, client and bidi streams
 * read requests as an async iterable. Every method needs exactly one handler.
 * A thrown error becomes a gRPC status through TO_STATUS.
 */
import * as grpc from '@grpc/grpc-js';
import { ENGINE_SERVICE, type EngineMethod } from './generated/engine-service';
import type { Decoded } from './decoded';
import { ERROR_CODE_HEADER, ERROR_KIND_HEADER, Status } from './status';

export interface CallContext {
  /** Aborted when the client goes away or cancels. */
  signal: AbortSignal;
}

type Spec<M extends EngineMethod> = (typeof ENGINE_SERVICE)[M];
/** A handler gets decoded requests (every field present) and may answer with plain objects. */
export type HandlerRequest<M extends EngineMethod> = Decoded<ReturnType<Spec<M>['requestType']['decode']>>;
export type HandlerResponse<M extends EngineMethod> = Parameters<Spec<M>['responseType']['encode']>[0];
type Requests<M extends EngineMethod> = Spec<M>['requestStream'] extends true
  ? AsyncIterable<HandlerRequest<M>>
  : HandlerRequest<M>;
type Responses<M extends EngineMethod> = Spec<M>['responseStream'] extends true
  ? AsyncIterable<HandlerResponse<M>>
  : Promise<HandlerResponse<M>>;

export type Handler<M extends EngineMethod> = (request: Requests<M>, context: CallContext) => Responses<M>;
export type EngineHandlers = { [M in EngineMethod]: Handler<M> };

export interface StatusInfo {
  code: number;
  message: string;
  kind?: string;
  detailCode?: number;
}

function definition(): grpc.ServiceDefinition {
  const out: Record<string, grpc.MethodDefinition<object, object>> = {};
  for (const [name, spec] of Object.entries(ENGINE_SERVICE)) {
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

function contextOf(call: { on(event: 'cancelled' | 'close', listener: () => void): unknown }): CallContext {
  const controller = new AbortController();
  call.on('cancelled', () => controller.abort());
  call.on('close', () => controller.abort());
  return { signal: controller.signal };
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
export function implementation(
  handlers: EngineHandlers,
  toStatus: (error: unknown) => StatusInfo,
): grpc.UntypedServiceImplementation {
  const impl: grpc.UntypedServiceImplementation = {};
  for (const [name, spec] of Object.entries(ENGINE_SERVICE) as [EngineMethod, Spec<EngineMethod>][]) {
    const handler = handlers[name] as (request: unknown, context: CallContext) => unknown;
    if (typeof handler !== 'function') throw new Error(`no handler for Engine.${name}`);
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

/** A grpc-js server with the Engine service, listening on ADDRESS (e.g. unix:///run/berth/berth.sock). */
export async function serve(
  address: string,
  handlers: EngineHandlers,
  toStatus: (error: unknown) => StatusInfo,
): Promise<grpc.Server> {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 64 << 20,
    'grpc.max_send_message_length': 64 << 20,
  });
  server.addService(definition(), implementation(handlers, toStatus));
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  return server;
}

export { Status };
