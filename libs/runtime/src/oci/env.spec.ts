import { mergeEnv } from './env';

describe('mergeEnv', () => {
  it('should override same names in place and append new ones', () => {
    expect(mergeEnv(['PATH=/bin', 'A=1', 'B=2'], ['A=9', 'C=3'])).toEqual(['PATH=/bin', 'A=9', 'B=2', 'C=3']);
  });
  it('should treat a value with = signs as one value', () => {
    expect(mergeEnv(['X=a=b'], ['X=c=d'])).toEqual(['X=c=d']);
  });
});
