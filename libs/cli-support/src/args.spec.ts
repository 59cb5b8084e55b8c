import { firstOperand, keyValues, formatTable, humanDuration, parseCommand, UsageError } from './args';

describe('parseCommand', () => {
  it.each([
    [['--hep'], 'service ps: unknown flag: --hep'],
    [['-x'], "service ps: unknown shorthand flag: 'x' in -x"],
    [['--format'], 'service ps: flag needs an argument: --format'],
    [
      ['--format', '--no-trunc'],
      "service ps: flag needs an argument: --format (a value that starts with '-' goes as --format=VALUE)",
    ],
  ])('should word a bad flag in %j as docker does', (args, message) => {
    const options = { format: { type: 'string' }, 'no-trunc': { type: 'boolean' } } as const;
    expect(() => parseCommand('service ps', args, options, ['service...'])).toThrow(message);
  });

  it('should read flags and operands', () => {
    const { values, positionals } = parseCommand(
      'tag',
      ['-f', 'a', 'b'],
      { force: { type: 'boolean', short: 'f' } },
      ['source', 'target'],
    );
    expect(values.force).toBe(true);
    expect(positionals).toEqual(['a', 'b']);
  });

  it('should name what is missing, extra or unknown', () => {
    expect(() => parseCommand('tag', ['a'], {}, ['source', 'target'])).toThrow(
      '"tag" requires 2 arguments: missing <target>',
    );
    expect(() => parseCommand('tag', ['a', 'b', 'c'], {}, ['source', 'target'])).toThrow(
      'takes at most 2 arguments',
    );
    expect(() => parseCommand('tag', ['--nope', 'a', 'b'], {}, ['source', 'target'])).toThrow(UsageError);
    expect(parseCommand('rmi', ['a', 'b', 'c'], {}, ['image', 'more...']).positionals).toHaveLength(3);
  });
});

describe('humanDuration', () => {
  it.each<[number, string]>([
    [500, 'Less than a second'],
    [1000, '1 second'],
    [45000, '45 seconds'],
    [90000, 'About a minute'],
    [30 * 60000, '30 minutes'],
    [3600000, 'About an hour'],
    [5 * 3600000, '5 hours'],
    [3 * 86400000, '3 days'],
    [21 * 86400000, '3 weeks'],
    [90 * 86400000, '3 months'],
    [800 * 86400000, '2 years'],
  ])('should say %d ms as %p', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('formatTable', () => {
  it('should pad columns three spaces apart, leaving the last one ragged', () => {
    expect(formatTable(['A', 'BB', 'C'], [['long value', 'x', 'end']])).toBe(
      'A            BB   C\nlong value   x    end\n',
    );
  });
});

describe('firstOperand', () => {
  const options = {
    detach: { type: 'boolean' as const, short: 'd' },
    interactive: { type: 'boolean' as const, short: 'i' },
    tty: { type: 'boolean' as const, short: 't' },
    env: { type: 'string' as const, short: 'e', multiple: true },
    name: { type: 'string' as const },
  };

  it('should skip flags and their values, short clusters included', () => {
    expect(firstOperand(['-it', '-e', 'A=1', '--name', 'x', 'busybox', 'sh', '-c', 'true'], options)).toBe(5);
    expect(firstOperand(['-eA=1', '--name=x', 'busybox'], options)).toBe(2);
    expect(firstOperand(['-ite', 'A=1', 'busybox'], options)).toBe(2);
    expect(firstOperand(['-d', '--', '-weird-image'], options)).toBe(1);
    expect(firstOperand(['-d'], options)).toBe(1);
  });

  it('should read flags among the first SKIP operands, and stop at the next', () => {
    expect(firstOperand(['web', '-it', 'sh', '-c', 'x'], options, 1)).toBe(2);
    expect(firstOperand(['-i', 'web', '-e', 'A=1', 'env'], options, 1)).toBe(4);
    expect(firstOperand(['web', '-d', '--', '-x'], options, 1)).toBe(2);
    expect(firstOperand(['web', '-d'], options, 1)).toBe(2);
    expect(firstOperand(['a', 'b', 'c'], options, 2)).toBe(2);
  });

  it('should leave what follows the operand to the command', () => {
    const { values, positionals } = parseCommand(
      'run',
      ['-d', 'busybox', 'ls', '-l', '--name', 'y'],
      options,
      ['image', 'command...'],
      {
        interspersed: false,
      },
    );
    expect(values.detach).toBe(true);
    expect(values.name).toBeUndefined();
    expect(positionals).toEqual(['busybox', 'ls', '-l', '--name', 'y']);
  });
});

describe('keyValues', () => {
  it('should split at the first "=" and keep bare keys', () => {
    expect(keyValues(['a=1', 'b=x=y', 'c'])).toEqual({ a: '1', b: 'x=y', c: '' });
    expect(keyValues(undefined)).toEqual({});
  });
});
