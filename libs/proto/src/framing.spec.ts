import { frame, FrameReader } from './framing';

describe('gRPC framing', () => {
  it('should read messages back whatever the chunking', () => {
    const bytes = Buffer.concat([
      frame(Buffer.from('hello')),
      frame(Buffer.alloc(0)),
      frame(Buffer.from('world!')),
    ]);
    for (const size of [1, 3, 7, bytes.length]) {
      const reader = new FrameReader();
      const out: string[] = [];
      for (let i = 0; i < bytes.length; i += size)
        out.push(...reader.push(bytes.subarray(i, i + size)).map(String));
      expect(out).toEqual(['hello', '', 'world!']);
      expect(reader.pending).toBe(0);
    }
  });

  it('should keep what is left of a chunk for the next message, and say how much waits', () => {
    const reader = new FrameReader();
    const two = Buffer.concat([frame(Buffer.from('ab')), frame(Buffer.from('cdef'))]);
    expect(reader.push(two.subarray(0, 9)).map(String)).toEqual(['ab']);
    expect(reader.pending).toBe(2);
    expect(reader.push(two.subarray(9)).map(String)).toEqual(['cdef']);
    expect(reader.pending).toBe(0);
  });

  it('should read a message of many chunks whole, copying each byte once', () => {
    const big = Buffer.alloc(4 << 20, 7);
    const bytes = frame(big);
    const reader = new FrameReader();
    const concat = jest.spyOn(Buffer, 'concat');
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 16384) out.push(...reader.push(bytes.subarray(i, i + 16384)));
    expect(out).toHaveLength(1);
    expect(out[0].equals(big)).toBe(true);
    const copied = concat.mock.calls.reduce((n, [list]) => n + list.reduce((m, b) => m + b.length, 0), 0);
    concat.mockRestore();
    expect(copied).toBeLessThanOrEqual(bytes.length);
  });

  it('should refuse compressed messages', () => {
    const compressed = frame(Buffer.from('x'));
    compressed[0] = 1;
    expect(() => new FrameReader().push(compressed)).toThrow('compressed');
  });
});
