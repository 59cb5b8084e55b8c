import { demux, logText, muxFrame, outputChunk, outputContentType } from './stream-frames';

describe('the output stream format', () => {
  it('should frame a chunk with its stream and big-endian size', () => {
    const f = muxFrame('stderr', Buffer.from('hi\n'));
    expect([...f.subarray(0, 8)]).toEqual([2, 0, 0, 0, 0, 0, 0, 3]);
    expect(f.subarray(8).toString()).toBe('hi\n');
    expect(muxFrame('stdout', Buffer.alloc(70000))[0]).toBe(1);
    expect(muxFrame('stdout', Buffer.alloc(70000)).readUInt32BE(4)).toBe(70000);
  });

  it('should pass bytes through unframed on a terminal', () => {
    expect(outputChunk(true, 'stdout', Buffer.from('x')).toString()).toBe('x');
    expect(outputChunk(false, 'stdout', Buffer.from('x')).length).toBe(9);
  });

  it('should take frames apart, leaving a partial one', () => {
    const both = Buffer.concat([muxFrame('stdout', Buffer.from('a')), muxFrame('stderr', Buffer.from('bc'))]);
    const cut = demux(both.subarray(0, both.length - 1));
    expect(cut.frames.map((f) => [f.stream, f.data.toString()])).toEqual([[1, 'a']]);
    expect(cut.rest.length).toBe(9);
    expect(demux(both).frames.map((f) => [f.stream, f.data.toString()])).toEqual([
      [1, 'a'],
      [2, 'bc'],
    ]);
  });

  it('should name the multiplexed type from API 1.42, the raw type for terminals and older clients', () => {
    expect(outputContentType(false, '1.50')).toBe('application/vnd.docker.multiplexed-stream');
    expect(outputContentType(false, '1.42')).toBe('application/vnd.docker.multiplexed-stream');
    expect(outputContentType(false, '1.41')).toBe('application/vnd.docker.raw-stream');
    expect(outputContentType(true, '1.50')).toBe('application/vnd.docker.raw-stream');
  });

  it('should put the time before a line only with timestamps', () => {
    const e = { log: 'hi\n', time: '2026-12-07T20:00:00.123456789Z' };
    expect(logText(e, false)).toBe('hi\n');
    expect(logText(e, true)).toBe('2026-12-07T20:00:00.123456789Z hi\n');
  });
});
