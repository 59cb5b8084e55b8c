import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseJsonLog, readJsonLog } from './json-file';

describe('parseJsonLog', () => {
  it('should read whole lines and skip a torn last one', () => {
    const text =
      '{"log":"a\\n","stream":"stdout","time":"2026-01-01T00:00:00.000000001Z"}\n' +
      '{"log":"b\\n","stream":"stderr","time":"2026-01-01T00:00:00.000000002Z"}\n{"log":"c';
    expect(parseJsonLog(text).map((e) => [e.stream, e.log])).toEqual([
      ['stdout', 'a\n'],
      ['stderr', 'b\n'],
    ]);
  });
});

describe('readJsonLog', () => {
  it('should read rotated files oldest first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-log-'));
    try {
      const line = (s: string) => `{"log":"${s}\\n","stream":"stdout","time":"t"}\n`;
      fs.writeFileSync(path.join(dir, 'log.json.2'), line('oldest'));
      fs.writeFileSync(path.join(dir, 'log.json.1'), line('older'));
      fs.writeFileSync(path.join(dir, 'log.json'), line('newest'));
      expect(readJsonLog(path.join(dir, 'log.json')).map((e) => e.log)).toEqual([
        'oldest\n',
        'older\n',
        'newest\n',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
