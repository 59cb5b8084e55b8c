import { formatBinarySize, formatDuration, parseBytes, parseDuration } from './units';

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

describe('formatDuration', () => {
  it.each<[number, string]>([
    [0, '0s'],
    [500, '500ns'],
    [1_500, '1.5µs'],
    [500e6, '500ms'],
    [1.5e9, '1.5s'],
    [10e9, '10s'],
    [60e9, '1m0s'],
    [90e9, '1m30s'],
    [3600e9, '1h0m0s'],
    [3723.5e9, '1h2m3.5s'],
  ])("should print %d ns as Go's %p", (ns, text) => {
    expect(formatDuration(ns)).toBe(text);
    if (ns) expect(parseDuration(text)).toBe(ns);
  });
});

describe('formatBinarySize', () => {
  it.each<[number, string]>([
    [100, '100B'],
    [1024, '1KiB'],
    [64 * 1024 ** 2, '64MiB'],
    [1.5 * 1024 ** 3, '1.5GiB'],
    [100_000_000, '95.37MiB'],
  ])("should print %d bytes as go-units' BytesSize, %p", (bytes, text) => {
    expect(formatBinarySize(bytes)).toBe(text);
  });
});
