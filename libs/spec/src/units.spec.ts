import { parseBoolean, parseFileMode, parseInteger, parseNumber } from './units';

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
