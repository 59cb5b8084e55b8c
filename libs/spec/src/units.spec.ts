import {
  parseBoolean,
  parseBytes,
  parseDurationMs,
  parseFileMode,
  parseInteger,
  parseNanoCpus,
  parseNumber,
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

describe('parseInteger and parseNumber', () => {
  it('should read numbers given as numbers or text', () => {
    expect(parseInteger(3)).toBe(3);
    expect(parseInteger('3')).toBe(3);
    expect(parseInteger(' -2 ')).toBe(-2);
    expect(parseNumber('0.3')).toBe(0.3);
    expect(parseNumber('.5')).toBe(0.5);
  });

  it('should refuse other things', () => {
    expect(parseInteger('three')).toBeUndefined();
    expect(parseInteger(1.5)).toBeUndefined();
    expect(parseInteger(true)).toBeUndefined();
    expect(parseNumber('1/2')).toBeUndefined();
  });
});

describe('parseBoolean', () => {
  it('should read true and false, also as text', () => {
    expect(parseBoolean(true)).toBe(true);
    expect(parseBoolean('true')).toBe(true);
    expect(parseBoolean('False')).toBe(false);
    expect(parseBoolean('yes')).toBe(true);
    expect(parseBoolean('off')).toBe(false);
    expect(parseBoolean('maybe')).toBeUndefined();
    expect(parseBoolean(1)).toBeUndefined();
  });
});

describe('parseFileMode', () => {
  it('should read numbers as they are and text with a leading 0 as octal', () => {
    expect(parseFileMode(0o440)).toBe(0o440);
    expect(parseFileMode('0440')).toBe(0o440);
    expect(parseFileMode('0o440')).toBe(0o440);
    expect(parseFileMode('288')).toBe(288);
  });

  it('should refuse what is not a mode', () => {
    expect(parseFileMode('rw-r--r--')).toBeUndefined();
    expect(parseFileMode(0o17777)).toBeUndefined();
    expect(parseFileMode(-1)).toBeUndefined();
  });
});
