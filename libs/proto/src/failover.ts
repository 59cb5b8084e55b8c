/**
 * One service at several addresses — every manager of a cluster — used as one client: calls go to
 * the address that answered last and move on to the next when it cannot be reached, so a CLI (or
 * an agent) keeps working while any manager does. Only a failure to connect moves it: an answer,
 * even an error, is the service's.
 */
import {
  GrpcClient,
  type Duplex,
  type Endpoint,
  type RequestOf,
  type ResponseOf,
  type ServerName,
  type ServiceTable,
} from './client';
import { RpcError } from './status';

export class FailoverClient<S extends ServiceTable> {
  private readonly clients: GrpcClient<S>[];
  private current = 0;

  constructor(service: S, endpoints: readonly Endpoint[], name: ServerName) {
    if (!endpoints.length) throw new Error(`no address for ${name.what}`);
    this.clients = endpoints.map((endpoint) => new GrpcClient(service, endpoint, name));
  }

  /** The address in use. */
  get where(): string {
    return this.clients[this.current].where;
  }

  /** One request, one response, from the first address that can be reached. */
  async call<M extends keyof S>(method: M, request: RequestOf<S, M>): Promise<ResponseOf<S, M>> {
    for (let tried = 1; ; tried++) {
      try {
        return await this.clients[this.current].call(method, request);
      } catch (error) {
        this.moveOn(error, tried);
      }
    }
  }

  /** After ERROR on the TRIED-th address: the next address, unless the server answered or all were tried. */
  private moveOn(error: unknown, tried: number): void {
    if (!unreachable(error) || tried >= this.clients.length) throw error;
    this.current = (this.current + 1) % this.clients.length;
  }

  /** One request, a stream of responses; it moves on only while nothing was received. */
  async *stream<M extends keyof S>(method: M, request: RequestOf<S, M>): AsyncGenerator<ResponseOf<S, M>> {
    for (let tried = 1; ; tried++) {
      const responses = this.clients[this.current].stream(method, request);
      let first: IteratorResult<ResponseOf<S, M>>;
      try {
        first = await responses.next();
      } catch (error) {
        this.moveOn(error, tried);
        continue;
      }
      if (first.done) return;
      try {
        yield first.value;
        yield* responses;
      } finally {
        // a caller that stops reading early must still end the call, or its stream holds the connection
        await responses.return(undefined);
      }
      return;
    }
  }

  /**
   * A bidirectional call. It moves on only while nothing was received, and then sends the next
   * address what was sent so far: an address that could not be reached got none of it.
   */
  duplex<M extends keyof S>(method: M): Duplex<RequestOf<S, M>, ResponseOf<S, M>> {
    const unanswered: RequestOf<S, M>[] = [];
    let answered = false;
    let ended = false;
    let call = this.clients[this.current].duplex(method);
    const moveOn = (error: unknown, tried: number) => {
      this.moveOn(error, tried);
      call = this.clients[this.current].duplex(method);
      for (const request of unanswered) call.send(request);
      if (ended) call.end();
    };
    async function* responses(): AsyncGenerator<ResponseOf<S, M>> {
      for (let tried = 1; ; tried++) {
        const it = call[Symbol.asyncIterator]();
        let first: IteratorResult<ResponseOf<S, M>>;
        try {
          first = await it.next();
        } catch (error) {
          moveOn(error, tried);
          continue;
        }
        answered = true;
        unanswered.length = 0;
        if (first.done) return;
        try {
          yield first.value;
          for (;;) {
            const next = await it.next();
            if (next.done) return;
            yield next.value;
          }
        } finally {
          // a caller that stops reading early must still end the call, or it holds the connection
          await it.return?.(undefined);
        }
      }
    }
    const out = responses();
    return {
      send: (request) => {
        if (!answered) unanswered.push(request);
        call.send(request);
      },
      end: () => {
        ended = true;
        call.end();
      },
      cancel: () => call.cancel(),
      [Symbol.asyncIterator]: () => out,
    };
  }

  close(): Promise<void> {
    return Promise.all(this.clients.map((c) => c.close())).then(() => undefined);
  }
}

/** The server could not be reached at all (as opposed to answering with an error). */
function unreachable(error: unknown): boolean {
  return error instanceof RpcError && error.kind === 'EngineUnavailable';
}
