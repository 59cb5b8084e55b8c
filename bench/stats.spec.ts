import { percentile, summarise, table } from './stats';

describe('percentile', () => {
  it('should interpolate between ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 90)).toBe(46);
    expect(percentile([7], 90)).toBe(7);
  });
});

describe('table', () => {
  it('should give each row its ratio to the reference p50', () => {
    const text = table([summarise('crun', [4, 4, 4]), summarise('berth', [6, 6, 6])], 'crun');
    expect(text.split('\n')[2]).toMatch(/^berth\s+3\s+6\.00\s+6\.00\s+6\.00\s+6\.00\s+1\.50×$/);
  });
});
