import { PassThrough, Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../errors';
import { errorMessage, requestBody, streamJson } from './json-stream';

/** A reply that records what is sent: a status, headers, and the stream's lines as they come. */
function fakeReply() {
  const sent = { status: 0, headers: {} as Record<string, string>, lines: [] as string[], ended: false };
  let body: PassThrough | null = null;
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(stream: PassThrough) {
      body = stream;
      stream.on('data', (d: Buffer) => sent.lines.push(...d.toString().split('\r\n').filter(Boolean)));
      stream.on('end', () => (sent.ended = true));
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, sent, body: () => body };
}

const tick = () => new Promise((r) => setImmediate(r));

describe(streamJson.name, () => {
  it('should send each message as a JSON line as it is written, and end', async () => {
    const { reply, sent } = fakeReply();
    await streamJson(reply, async (out) => {
      out.write({ status: 'one' });
      await tick();
      expect(sent.lines).toEqual(['{"status":"one"}']); // before the work ends
      out.write({ stream: 'two\n' });
    });
    await tick();
    expect(sent).toEqual({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      lines: ['{"status":"one"}', '{"stream":"two\\n"}'],
      ended: true,
    });
  });

  it('should throw a failure that came before the first message, for an ordinary error answer', async () => {
    const { reply, body } = fakeReply();
    await expect(
      streamJson(reply, async () => {
        throw new NotFoundError('No such image: x:latest');
      }),
    ).rejects.toThrow('No such image');
    expect(body()).toBeNull();
  });

  it("should end with Docker's error message a failure after the first message", async () => {
    const { reply, sent } = fakeReply();
    await streamJson(reply, async (out) => {
      out.write({ status: 'Pulling' });
      throw new Error('connection reset');
    });
    await tick();
    expect(sent.lines.map((l) => JSON.parse(l))).toEqual([
      { status: 'Pulling' },
      { errorDetail: { message: 'connection reset' }, error: 'connection reset' },
    ]);
    expect(sent.ended).toBe(true);
  });

  it('should write nothing more, and not fail, once the client has gone', async () => {
    const { reply, body } = fakeReply();
    await streamJson(reply, async (out) => {
      out.write({ status: 'one' });
      body()!.destroy();
      out.write({ status: 'two' });
    });
  });
});

describe(errorMessage.name, () => {
  it("should carry the engine's message for a known error", () => {
    expect(errorMessage(new NotFoundError('No such image: x'))).toEqual({
      errorDetail: { message: 'No such image: x' },
      error: 'No such image: x',
    });
  });
});

describe(requestBody.name, () => {
  it('should give the raw body stream, or an empty one for a request without a body', async () => {
    const raw = Readable.from([Buffer.from('tar')]);
    expect(requestBody({ body: raw } as unknown as FastifyRequest)).toBe(raw);
    const chunks: Buffer[] = [];
    for await (const c of requestBody({ body: undefined } as unknown as FastifyRequest))
      chunks.push(c as Buffer);
    expect(chunks).toEqual([]);
  });
});
