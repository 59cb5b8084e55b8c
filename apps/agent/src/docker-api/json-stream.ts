/**
 * The Docker Engine API's streamed answers and request bodies. A long operation (pull, push,
 * build, load) answers a stream of JSON messages, one a line, written as they happen; until
 * the first message its failure is an ordinary error answer (status and `{"message": …}`), as
 * dockerd answers before it has flushed anything, and after it a last `{"errorDetail": …}`
 * line. Bodies that are archives (a build context, images to load or import) reach the route
 * as the request's own stream, never buffered.
 */
import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dockerErrorOf } from './http-errors';

/** One message of a JSON stream (moby's jsonmessage.JSONMessage, the fields Berth sends). */
export interface JsonMessage {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  aux?: Record<string, unknown>;
  errorDetail?: { message: string };
  error?: string;
}

/** A JSON stream on REPLY, whose status and headers go out with its first message. */
export class JsonStream {
  private body: PassThrough | null = null;

  constructor(private readonly reply: FastifyReply) {}

  get started(): boolean {
    return this.body !== null;
  }

  write(message: JsonMessage): void {
    const body = this.open();
    // a client that went away: what is left of the operation is not written anywhere
    if (!body.destroyed && !body.writableEnded) body.write(`${JSON.stringify(message)}\r\n`);
  }

  end(): void {
    const body = this.open();
    if (!body.writableEnded) body.end();
  }

  private open(): PassThrough {
    if (this.body) return this.body;
    const body = new PassThrough();
    body.on('error', () => undefined); // written after the client left
    this.body = body;
    void this.reply.status(200).header('Content-Type', 'application/json').send(body);
    return body;
  }
}

/** The message that ends a stream whose operation failed. */
export function errorMessage(error: unknown): JsonMessage {
  const { status, body } = dockerErrorOf(error);
  // an unexpected error's message, not the stack the engine logs
  const message = status === 500 && error instanceof Error ? error.message : body.message;
  return { errorDetail: { message }, error: message };
}

/**
 * Runs WORK with a JSON stream on REPLY and ends the stream. A failure before the first
 * message is thrown (the error filter answers it); after it, it is the stream's last message.
 */
export async function streamJson(
  reply: FastifyReply,
  work: (out: JsonStream) => Promise<void>,
): Promise<void> {
  const out = new JsonStream(reply);
  try {
    await work(out);
  } catch (error) {
    if (!out.started) throw error;
    out.write(errorMessage(error));
  }
  out.end();
}

/**
 * Every body that is not JSON reaches its route unread, as a stream: archives
 * (`application/x-tar`), raw bytes, and the `text/plain` the docker client labels an import's
 * tarball with.
 */
export function acceptRawBodies(fastify: FastifyInstance): void {
  const raw = (_request: FastifyRequest, payload: unknown, done: (error: null, body: unknown) => void) =>
    done(null, payload);
  fastify.addContentTypeParser('*', raw);
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('text/plain', raw);
}

/** A request's body as the stream acceptRawBodies left it (empty when it had none). */
export function requestBody(request: FastifyRequest): Readable {
  return request.body instanceof Readable ? request.body : Readable.from([]);
}

/**
 * Answers REPLY with BODY as it comes, its headers sent at once rather than with its first
 * chunk: a client waiting for the answer (dockerode's attach before it starts the container,
 * `docker events` before anything happens) must not wait for output. Fastify sets the headers,
 * then pipes the body: that is when they can go.
 */
export function streamAnswer(reply: FastifyReply, contentType: string, body: Readable): void {
  reply.raw.once('pipe', () => reply.raw.flushHeaders());
  void reply.header('Content-Type', contentType).send(body);
}
