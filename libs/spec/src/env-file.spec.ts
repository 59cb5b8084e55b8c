import { parseEnvFile, resolveEnvFile } from './env-file';

const entries = (content: string) =>
  parseEnvFile(content, '.env').entries.map(({ key, value }) => [key, value]);
const resolve = (content: string, env: Record<string, string> = {}) =>
  Object.fromEntries(resolveEnvFile(parseEnvFile(content, '.env'), '.env', (name) => env[name]).values);

describe('parseEnvFile', () => {
  it('should read KEY=VALUE lines, skipping blanks and comments', () => {
    expect(entries('# a comment\nA=1\n\n  B = two words \nC=\n')).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', ''],
    ]);
  });

  it('should read a bare KEY as "take it from the environment"', () => {
    expect(entries('HOME\n')).toEqual([['HOME', null]]);
  });

  it('should accept an export in front', () => {
    expect(entries('export A=1\n')).toEqual([['A', '1']]);
  });

  it('should strip a comment after an unquoted value but keep a # inside one', () => {
    expect(entries('A=1 # the first\nB=a#b\n')).toEqual([
      ['A', '1'],
      ['B', 'a#b'],
    ]);
  });

  it('should take single-quoted values literally', () => {
    expect(entries("A='x # $B \\n'\n")).toEqual([['A', 'x # $B \\n']]);
  });

  it('should read escapes in double-quoted values and let them span lines', () => {
    expect(entries('A="line\\none \\"q\\""\nB="two\nlines"\nC=3\n')).toEqual([
      ['A', 'line\none "q"'],
      ['B', 'two\nlines'],
      ['C', '3'],
    ]);
  });

  it('should report bad lines with their line numbers', () => {
    expect(parseEnvFile('A=1\nNOT A KEY=1\nB="open\n', 'web.env').problems).toEqual([
      {
        file: 'web.env',
        line: 2,
        column: 1,
        path: '',
        message: "invalid variable name 'NOT A KEY': expected letters, digits and _ . -",
      },
      { file: 'web.env', line: 3, column: 1, path: '', message: 'missing closing "' },
    ]);
  });

  it('should report text after a closing quote', () => {
    expect(parseEnvFile('A="x" y\n', '.env').problems[0].message).toBe(
      'unexpected text after the closing quote: y',
    );
  });

  it('should read Windows line ends', () => {
    expect(entries('A=1\r\nB=2\r\n')).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
  });
});

describe('resolveEnvFile', () => {
  it('should substitute variables from the environment and earlier lines', () => {
    expect(resolve('A=one\nB=${A}-$C\n', { C: 'three' })).toEqual({ A: 'one', B: 'one-three' });
  });

  it('should prefer the environment over earlier lines when substituting', () => {
    expect(resolve('A=file\nB=$A\n', { A: 'env' })).toEqual({ A: 'file', B: 'env' });
  });

  it('should not substitute in single-quoted values', () => {
    expect(resolve("A='$HOME'\n", { HOME: '/root' })).toEqual({ A: '$HOME' });
  });

  it('should fill a bare key from the environment, or leave it out', () => {
    expect(resolve('HOME\nMISSING\n', { HOME: '/root' })).toEqual({ HOME: '/root' });
  });

  it('should report a failed substitution at its line', () => {
    expect(
      resolveEnvFile(parseEnvFile('\nA=${B:?B is needed}\n', '.env'), '.env', () => undefined).problems,
    ).toEqual([
      {
        file: '.env',
        line: 2,
        column: 1,
        path: 'A',
        message: 'required variable B is missing a value: B is needed',
      },
    ]);
  });
});
