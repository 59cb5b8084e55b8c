import { parseShimLine } from './protocol';

describe('parseShimLine', () => {
  it('should read every line the shim writes', () => {
    expect(parseShimLine('created 812')).toEqual({ kind: 'created', pid: 812 });
    expect(parseShimLine('started')).toEqual({ kind: 'started' });
    expect(parseShimLine('started 99')).toEqual({ kind: 'started', pid: 99 });
    expect(parseShimLine('exited 137 9')).toEqual({ kind: 'exited', exitCode: 137, signal: 9 });
    expect(parseShimLine('error 127 exec: "x": executable file not found in $PATH')).toEqual({
      kind: 'error',
      exitCode: 127,
      message: 'exec: "x": executable file not found in $PATH',
    });
  });
  it('should ignore what it does not know', () => {
    expect(parseShimLine('hello')).toBeNull();
  });
});
