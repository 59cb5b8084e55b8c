import { formatLine } from './line';

describe('formatLine', () => {
  const record = {
    level: 'info',
    time: '2026-12-08T01:02:03.456Z',
    program: 'berthd',
    pid: 42,
    hostname: 'h',
    component: 'worker',
    msg: 'task started',
    task: 't1',
    service: 's1',
  };

  it('should put time, level, component and message first, then the other fields as key=value', () => {
    expect(formatLine(record, { colour: false })).toBe(
      '2026-12-08T01:02:03.456Z INFO  [worker] task started task=t1 service=s1\n',
    );
  });

  it('should write no terminal escape unless asked for colour', () => {
    for (const level of ['debug', 'info', 'warn', 'error', 'fatal'])
      expect(formatLine({ ...record, level }, { colour: false })).not.toContain('\x1b[');
    expect(formatLine({ ...record, level: 'error' }, { colour: true })).toContain('\x1b[31mERROR\x1b[0m');
  });

  it('should quote strings with spaces, quotes or = and write other values as JSON', () => {
    const line = formatLine(
      { level: 'warn', time: 0, msg: 'm', reason: 'no node fits', empty: '', n: 3, ids: ['a'], ok: true },
      { colour: false },
    );
    expect(line).toBe(
      '1970-01-01T00:00:00.000Z WARN  m reason="no node fits" empty="" n=3 ids=["a"] ok=true\n',
    );
  });

  it('should leave out the component when there is none', () => {
    expect(formatLine({ level: 'debug', time: 0, msg: 'x' }, { colour: false })).toBe(
      '1970-01-01T00:00:00.000Z DEBUG x\n',
    );
  });

  it('should follow the line with an error stack, indented', () => {
    const line = formatLine(
      {
        level: 'error',
        time: 0,
        msg: 'failed',
        err: { message: 'boom', stack: 'Error: boom\n    at f (x.ts:1)' },
      },
      { colour: false },
    );
    expect(line).toBe('1970-01-01T00:00:00.000Z ERROR failed\n  Error: boom\n      at f (x.ts:1)\n');
  });

  it('should give an error without a stack its message', () => {
    expect(
      formatLine({ level: 'error', time: 0, msg: 'failed', err: { message: 'boom' } }, { colour: false }),
    ).toBe('1970-01-01T00:00:00.000Z ERROR failed err=boom\n');
  });
});
