/** The lines berth-shim writes on fd 3 (monitor.c, exec.c). Pure. */

export type ShimEvent =
  | { kind: 'created'; pid: number }
  | { kind: 'started'; pid?: number }
  | { kind: 'error'; exitCode: number; message: string }
  | { kind: 'exited'; exitCode: number; signal: number };

export function parseShimLine(line: string): ShimEvent | null {
  const [word, ...rest] = line.split(' ');
  switch (word) {
    case 'created':
      return { kind: 'created', pid: Number(rest[0]) };
    case 'started':
      return rest[0] ? { kind: 'started', pid: Number(rest[0]) } : { kind: 'started' };
    case 'error': {
      const code = Number(rest[0]);
      return { kind: 'error', exitCode: Number.isFinite(code) ? code : 1, message: rest.slice(1).join(' ') };
    }
    case 'exited':
      return { kind: 'exited', exitCode: Number(rest[0]), signal: Number(rest[1] ?? 0) };
    default:
      return null;
  }
}
