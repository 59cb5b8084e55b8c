import {
  formatBinarySize,
  formatDuration,
  parseBytes,
  parseDurationMs,
  parseDurationNs,
  parseNanoCpus,
  requireDurationNs,
} from './units';

describe('parseDurationMs', () => {
  it.each([
    ['10s', 10_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1h', 3_600_000],
    ['1.5s', 1_500],
    ['2h45m', 9_900_000],
    ['0', 0],
    ['0s', 0],
    ['1000us', 1],
    ['.5s', 500],
    ['+5s', 5_000],
  ])('should read %p as %p ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each(['1x', '10', '', 's', '-5s', '1m 30s', 'ten seconds', '5S'])('should refuse %p', (text) => {
    expect(parseDurationMs(text)).toBeUndefined();
  });
});

describe('parseBytes', () => {
  it.each<[string | number, number]>([
    ['512M', 512 * 1024 ** 2],
    ['1g', 1024 ** 3],
    ['1024k', 1024 ** 2],
    ['1.5G', 1.5 * 1024 ** 3],
    ['100', 100],
    ['100b', 100],
    ['2MB', 2 * 1024 ** 2],
    ['2MiB', 2 * 1024 ** 2],
    ['1t', 1024 ** 4],
    [4096, 4096],
  ])('should read %p as %p bytes', (value, bytes) => {
    expect(parseBytes(value)).toBe(bytes);
  });

  it.each<string | number>(['12Q', 'M', '', '-1M', 1.5, -1, 'ib', '1 0k'])('should refuse %p', (value) => {
    expect(parseBytes(value)).toBeUndefined();
  });
});

describe('parseNanoCpus', () => {
  it('should read CPUs as nano-CPUs', () => {
    expect(parseNanoCpus('0.5')).toBe(500_000_000);
    expect(parseNanoCpus(2)).toBe(2_000_000_000);
    expect(parseNanoCpus('0.001')).toBe(1_000_000);
    expect(parseNanoCpus('.25')).toBe(250_000_000);
  });

  it('should refuse what is not a non-negative number', () => {
    expect(parseNanoCpus('half')).toBeUndefined();
    expect(parseNanoCpus(-1)).toBeUndefined();
  });
});

describe('parseBytes, as docker run -m reads', () => {
  it('should read sizes with binary units as docker run -m does', () => {
    expect(parseBytes('64m')).toBe(64 * 1024 * 1024);
    expect(parseBytes('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseBytes('512K')).toBe(512 * 1024);
    expect(parseBytes('100')).toBe(100);
    expect(parseBytes('10mb')).toBe(10 * 1024 * 1024);
  });

  it('should refuse what is not a size', () => {
    expect(parseBytes('lots')).toBeUndefined();
    expect(parseBytes('-5m')).toBeUndefined();
    expect(parseBytes('5x')).toBeUndefined();
  });
});

describe('parseDurationNs and requireDurationNs', () => {
  it.each<[string, number]>([
    ['30s', 30e9],
    ['1m30s', 90e9],
    ['500ms', 5e8],
    ['1h', 3600e9],
    ['1.5s', 1.5e9],
  ])('should read %p', (text, ns) => {
    expect(parseDurationNs(text)).toBe(ns);
    expect(requireDurationNs(text)).toBe(ns);
  });

  it('should refuse what is not a duration', () => {
    expect(() => requireDurationNs('30')).toThrow('invalid duration "30" (use e.g. 30s, 1m30s, 500ms)');
    expect(() => requireDurationNs('5x')).toThrow('invalid duration');
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
    if (ns) expect(parseDurationNs(text)).toBe(ns);
    expect(requireDurationNs(text)).toBe(ns);
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
