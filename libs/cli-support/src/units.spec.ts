import { parseBytes } from './units';

describe('parseBytes', () => {
  it('should read sizes with binary units as docker run -m does', () => {
    expect(parseBytes('64m')).toBe(64 * 1024 * 1024);
    expect(parseBytes('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseBytes('512K')).toBe(512 * 1024);
    expect(parseBytes('100')).toBe(100);
    expect(parseBytes('10mb')).toBe(10 * 1024 * 1024);
  });

  it('should refuse what is not a size', () => {
    expect(parseBytes('lots')).toBeNull();
    expect(parseBytes('-5m')).toBeNull();
    expect(parseBytes('5x')).toBeNull();
  });
});
