import { selectEntries } from './logs';

const e = (stream: 'stdout' | 'stderr', log: string, time: string) => ({ stream, log, time });
const entries = [
  e('stdout', 'a\n', '2026-01-01T00:00:01Z'),
  e('stderr', 'b\n', '2026-01-01T00:00:02Z'),
  e('stdout', 'c\n', '2026-01-01T00:00:03Z'),
];
const all = { follow: false, sinceMs: 0, untilMs: 0, tail: -1, stdout: true, stderr: true };

describe('selectEntries', () => {
  it('should pick streams, a time window and the tail', () => {
    expect(selectEntries(entries, all).map((x) => x.log)).toEqual(['a\n', 'b\n', 'c\n']);
    expect(selectEntries(entries, { ...all, stderr: false }).map((x) => x.log)).toEqual(['a\n', 'c\n']);
    expect(
      selectEntries(entries, { ...all, sinceMs: Date.parse('2026-01-01T00:00:02Z') }).map((x) => x.log),
    ).toEqual(['b\n', 'c\n']);
    expect(
      selectEntries(entries, { ...all, untilMs: Date.parse('2026-01-01T00:00:02Z') }).map((x) => x.log),
    ).toEqual(['a\n', 'b\n']);
    expect(selectEntries(entries, { ...all, tail: 1 }).map((x) => x.log)).toEqual(['c\n']);
    expect(selectEntries(entries, { ...all, tail: 0 })).toEqual([]);
  });
});
