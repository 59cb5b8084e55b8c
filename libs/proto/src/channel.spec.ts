import { Channel } from './channel';

async function drain<T>(c: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of c) out.push(x);
  return out;
}

describe('Channel', () => {
  it('should hand items pushed before and while reading, then end on close', async () => {
    const c = new Channel<number>();
    c.push(1);
    const read = drain(c);
    setTimeout(() => {
      c.push(2);
      c.close();
      c.push(3);
    }, 5);
    expect(await read).toEqual([1, 2]);
  });

  it('should throw the failure after the queued items', async () => {
    const c = new Channel<string>();
    c.push('a');
    c.fail(new Error('broken'));
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const x of c) seen.push(x);
      })(),
    ).rejects.toThrow('broken');
    expect(seen).toEqual(['a']);
  });
});
