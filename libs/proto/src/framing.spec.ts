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

  it('should refuse compressed messages', () => {
    const compressed = frame(Buffer.from('x'));
    compressed[0] = 1;
    expect(() => new FrameReader().push(compressed)).toThrow('compressed');
  });
});
