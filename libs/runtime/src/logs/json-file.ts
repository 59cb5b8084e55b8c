/** Reading Docker's json-file logs, as the shim writes them. */
import * as fs from 'node:fs';

export interface LogEntry {
  log: string;
  stream: 'stdout' | 'stderr';
  time: string;
}

export function parseJsonLog(text: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      entries.push(JSON.parse(line) as LogEntry);
    } catch {
      // a line being written right now; the next read has it whole
    }
  }
  return entries;
}

/** Every entry of PATH and its rotated files (PATH.N … PATH.1, PATH), oldest first. */
export function readJsonLog(path: string, maxFiles = 10): LogEntry[] {
  const files: string[] = [];
  for (let i = maxFiles; i >= 1; i--) if (fs.existsSync(`${path}.${i}`)) files.push(`${path}.${i}`);
  if (fs.existsSync(path)) files.push(path);
  return files.flatMap((f) => parseJsonLog(fs.readFileSync(f, 'utf8')));
}
