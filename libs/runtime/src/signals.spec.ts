import { parseSignal } from './signals';

describe('parseSignal', () => {
  it.each<[string | number, number | null]>([
    ['TERM', 15],
    ['SIGKILL', 9],
    ['sigusr1', 10],
    ['9', 9],
    [2, 2],
    ['NOPE', null],
    [0, null],
    ['99', null],
  ])('should read %p as %p', (input, expected) => {
    expect(parseSignal(input)).toBe(expected);
  });
});
