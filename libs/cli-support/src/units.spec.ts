import { parseBytes, parseDuration } from './units';

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

describe('parseDuration', () => {
  it.each<[string, number]>([
    ['30s', 30e9],
    ['1m30s', 90e9],
    ['500ms', 5e8],
    ['1h', 3600e9],
    ['1.5s', 1.5e9],
  ])('should read %p', (text, ns) => {
    expect(parseDuration(text)).toBe(ns);
  });

  it('should refuse what is not a duration', () => {
    expect(() => parseDuration('30')).toThrow('invalid duration "30"');
    expect(() => parseDuration('5x')).toThrow('invalid duration');
  });
});
