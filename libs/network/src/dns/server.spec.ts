import { rotated } from './server';

describe('rotated', () => {
  it('should start at the turn, wrapping around', () => {
    const all = ['a', 'b', 'c'];
    expect([0, 1, 2, 3, 4].map((turn) => rotated(all, turn).join(''))).toEqual([
      'abc',
      'bca',
      'cab',
      'abc',
      'bca',
    ]);
    expect(all).toEqual(['a', 'b', 'c']);
  });

  it('should leave none or one address as it is', () => {
    expect(rotated([], 7)).toEqual([]);
    expect(rotated(['a'], 7)).toEqual(['a']);
  });
});
