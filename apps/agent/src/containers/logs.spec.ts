import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { selectEntries, streamLog } from './logs';

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

describe('streamLog', () => {
  const follow = { follow: true, sinceMs: 0, untilMs: 0, tail: -1, stdout: true, stderr: true };
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-logs-'))));
  afterEach(() => {
    jest.useRealTimers();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should end a follow as soon as the process exits, without waiting for its next look', async () => {
    jest.useFakeTimers(); // the next look never comes unless the exit wakes the follow
    const file = path.join(dir, 'log.json');
    fs.writeFileSync(
      file,
      `${JSON.stringify({ log: 'hi\n', stream: 'stdout', time: '2026-12-07T20:00:00Z' })}\n`,
    );
    let running = true;
    let exit!: () => void;
    const exited = new Promise<void>((resolve) => (exit = resolve));
    const seen: string[] = [];
    const done = (async () => {
      for await (const e of streamLog(file, follow, () => running, new AbortController().signal, 0, exited))
        seen.push(e.log);
    })();
    await Promise.resolve();
    running = false;
    exit();
    await done;
    expect(seen).toEqual(['hi\n']);
  });
});
