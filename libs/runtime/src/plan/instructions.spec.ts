import { decodeTokens, encodeInstructions } from './instructions';

describe('encodeInstructions', () => {
  it('should write each token NUL-terminated, in order', () => {
    const buf = encodeInstructions([['state-dir', '/run/x'], ['autostart'], ['arg', 'echo hi']]);
    expect(buf.toString('utf8')).toBe('state-dir\0/run/x\0autostart\0arg\0echo hi\0');
    expect(decodeTokens(buf)).toEqual(['state-dir', '/run/x', 'autostart', 'arg', 'echo hi']);
  });

  it('should keep empty arguments and UTF-8', () => {
    const buf = encodeInstructions([
      ['ns', 'pid', ''],
      ['env', 'GREETING=héllo'],
    ]);
    expect(decodeTokens(buf)).toEqual(['ns', 'pid', '', 'env', 'GREETING=héllo']);
  });

  it('should refuse an argument holding a NUL byte', () => {
    expect(() => encodeInstructions([['arg', 'a\0b']])).toThrow('NUL');
  });
});
