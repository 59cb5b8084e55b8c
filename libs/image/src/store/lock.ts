/**
 * A lock between processes sharing a data root (the agent, a CLI working
 * locally, tests): a directory made with mkdir, which is atomic, holding the
 * owner's pid so a lock left by a dead process is taken over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whether the lock in DIR still has a living owner; one whose pid file is not yet written counts as living for 2 s. */
function ownerAlive(dir: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
  } catch {
    const age = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return age < 2000;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function withLockSync<T>(lockDir: string, fn: () => T, timeoutMs = 30000): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!ownerAlive(lockDir)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`could not lock ${lockDir} within ${timeoutMs} ms; another berth process holds it`, {
          cause: error,
        });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
