import { logLines, sseMessage } from './sse';

describe('dashboard sse', () => {
  describe(sseMessage.name, () => {
    it('should write one event with its data as JSON on one line', () => {
      expect(sseMessage('view', { text: 'a\nb' })).toBe('event: view\ndata: {"text":"a\\nb"}\n\n');
    });

    it('should refuse an event name that would end the event early', () => {
      expect(() => sseMessage('a\ndata: x', {})).toThrow(/line break/);
    });
  });

  describe(logLines.name, () => {
    const record = (data: string, stream = 1) => ({
      taskId: 't1',
      nodeId: 'n1',
      slot: 1,
      stream,
      timeUnixNano: 1_700_000_000_123 * 1e6 + 456_789, // nanoseconds, as a double holds them
      data: Buffer.from(data),
    });

    it('should make a line of a record, without its newline, timed in ms', () => {
      expect(logLines(record('hello\n'))).toEqual([
        { taskId: 't1', stream: 'stdout', time: 1_700_000_000_123, text: 'hello' },
      ]);
    });

    it('should split a record of several lines and tell stderr', () => {
      expect(logLines(record('a\r\nb\n', 2)).map((l) => [l.stream, l.text])).toEqual([
        ['stderr', 'a'],
        ['stderr', 'b'],
      ]);
    });

    it('should keep an empty line and a line with no newline', () => {
      expect(logLines(record('\n')).map((l) => l.text)).toEqual(['']);
      expect(logLines(record('partial')).map((l) => l.text)).toEqual(['partial']);
    });
  });
});
