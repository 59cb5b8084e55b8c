import { Writable } from 'node:stream';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { createLogger } from './logger';
import { NestLogger, nestRecord } from './nest';

/** A logger writing JSON lines into LINES. */
function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ program: 'test', level, destination, readable: false }) };
}

describe('nestRecord', () => {
  it('should take the last string as the component', () => {
    expect(nestRecord('hello', ['worker'])).toEqual({ fields: { component: 'worker' }, msg: 'hello' });
  });

  it("should keep Nest's error stack as a field, apart from the message", () => {
    const stack = 'Error: x\n    at f (a.ts:1:1)';
    expect(nestRecord('failed', [stack, 'dispatcher'])).toEqual({
      fields: { component: 'dispatcher', stack },
      msg: 'failed',
    });
  });

  it('should skip the undefined stack Nest passes for an error without one', () => {
    expect(nestRecord('failed', [undefined, 'api'])).toEqual({ fields: { component: 'api' }, msg: 'failed' });
  });

  it('should spread an object message into fields, its msg the message', () => {
    expect(nestRecord({ msg: 'task started', task: 't1', node: 'n1' }, ['worker'])).toEqual({
      fields: { component: 'worker', task: 't1', node: 'n1' },
      msg: 'task started',
    });
  });

  it('should make an Error the err field', () => {
    const error = new Error('boom');
    expect(nestRecord(error, ['x'])).toEqual({ fields: { component: 'x', err: error }, msg: 'boom' });
    expect(nestRecord('failed', [error, 'x']).fields.err).toBe(error);
  });

  it('should append other values to the message', () => {
    expect(nestRecord('count', [3])).toEqual({ fields: {}, msg: 'count 3' });
  });
});

describe(NestLogger.name, () => {
  afterEach(() => Logger.overrideLogger(new ConsoleLogger())); // Nest's default again

  it("should write Nest's Logger calls as JSON records with level, time, msg and component", () => {
    const { lines, logger } = capture();
    Logger.overrideLogger(new NestLogger(logger));
    new Logger('worker').log({ msg: 'task started', task: 't1', container: 'c1' });
    new Logger('dispatcher').warn('session closed');
    new Logger('api').error('refused', new Error('bad request').stack);
    new Logger('loop').debug('pass');
    expect(lines.map(({ level, msg, component }) => ({ level, msg, component }))).toEqual([
      { level: 'info', msg: 'task started', component: 'worker' },
      { level: 'warn', msg: 'session closed', component: 'dispatcher' },
      { level: 'error', msg: 'refused', component: 'api' },
      { level: 'debug', msg: 'pass', component: 'loop' },
    ]);
    expect(lines[0]).toMatchObject({ task: 't1', container: 'c1', program: 'test' });
    expect(typeof lines[0].time).toBe('string');
    expect(new Date(lines[0].time as string).getTime()).not.toBeNaN();
    expect(lines[2].stack).toContain('Error: bad request');
  });

  it('should write nothing below its level', () => {
    const { lines, logger } = capture('warn');
    Logger.overrideLogger(new NestLogger(logger));
    new Logger('x').log('info');
    new Logger('x').debug('debug');
    new Logger('x').warn('warn');
    expect(lines.map((l) => l.msg)).toEqual(['warn']);
  });

  it('should write readable lines with no escape when readable but not a terminal', () => {
    let out = '';
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ program: 'test', level: 'info', destination, readable: true });
    logger.info({ component: 'worker', task: 't1' }, 'task started');
    expect(out).toMatch(/^\S+Z INFO {2}\[worker\] task started task=t1\n$/);
  });
});
