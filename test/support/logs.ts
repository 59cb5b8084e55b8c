/** Reading Berth's own logs in tests. */

/** Each line of a log that must be JSON lines, parsed; throws naming the first line that is not. */
export function jsonLines(log: string): Record<string, unknown>[] {
  return log
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`log line ${index + 1} is not JSON: ${line}`);
      }
    });
}
