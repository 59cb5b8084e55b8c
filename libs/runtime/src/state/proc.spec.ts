import { parseProcStat } from './proc';

describe('parseProcStat', () => {
  it('should find fields after a command name holding spaces and parentheses', () => {
    const line =
      '4242 (my (odd) cmd) S 17 4242 4242 0 -1 4194560 104 0 0 0 0 0 0 0 20 0 1 0 987654 1818624 200';
    expect(parseProcStat(line)).toEqual({ pid: 4242, state: 'S', ppid: 17, startTime: 987654 });
  });
  it('should refuse text without a command name', () => {
    expect(parseProcStat('nonsense')).toBeNull();
  });
});
