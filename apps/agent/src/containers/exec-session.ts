/**
 * A started exec process and the stream of one client: what `berth exec` (the engine's Exec) and
 * `berth service exec` (the cluster's TaskExec) share. Input messages feed its stdin and resize
 * its terminal; its output goes out as it comes; the exit code comes last, once the output ended.
 */
import type { ExecProcess } from '@berth/runtime';

/** What a client sends after the start: the same fields in the engine's and the cluster's API. */
export interface ExecInput {
  stdin?: Uint8Array | null;
  resize?: { rows?: number | null; cols?: number | null } | null;
  closeStdin?: boolean | null;
}

export interface ExecOutputSink {
  stdout(data: Buffer): void;
  stderr(data: Buffer): void;
}

/**
 * Relays PROC with INPUTS (the messages after the start) until it exits; STDIN false: its stdin
 * is closed at once and input data dropped. SIGNAL (the client gone) ends its stdin.
 */
export async function relayExec(
  proc: ExecProcess,
  inputs: AsyncIterator<ExecInput>,
  stdin: boolean,
  sink: ExecOutputSink,
  signal: AbortSignal,
): Promise<number> {
  const ended = (s: NodeJS.ReadableStream | null) =>
    new Promise<void>((resolve) => (s ? s.on('end', resolve).on('error', () => resolve()) : resolve()));
  proc.stdout?.on('data', (d: Buffer) => sink.stdout(d));
  proc.stderr?.on('data', (d: Buffer) => sink.stderr(d));
  const feed = async () => {
    if (!stdin) proc.stdin?.end();
    for (;;) {
      const next = await inputs.next();
      if (next.done) break;
      if (next.value.stdin?.length && stdin) proc.stdin?.write(Buffer.from(next.value.stdin));
      if (next.value.resize) proc.resize(next.value.resize.rows ?? 0, next.value.resize.cols ?? 0);
      if (next.value.closeStdin) break;
    }
    proc.stdin?.end();
  };
  void feed().catch(() => proc.stdin?.end());
  signal.addEventListener('abort', () => proc.stdin?.end());
  const [exitCode] = await Promise.all([proc.exit, ended(proc.stdout), ended(proc.stderr)]);
  return exitCode;
}
