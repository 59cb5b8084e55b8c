/** Waiting for a container another process started to exit, without a monitor to tell us. */
import * as fs from 'node:fs';

/**
 * For a container another process started: the monitor writes `exit` into
 * the state DIR, which inotify reports at once; a slow look every second
 * covers a monitor that died without writing it. IS_STOPPED throwing means
 * the container was deleted meanwhile, which ends the wait too.
 */
export async function untilStopped(dir: string, isStopped: () => boolean): Promise<void> {
  let watcher: fs.FSWatcher | null = null;
  let timer: NodeJS.Timeout | null = null;
  try {
    await new Promise<void>((resolve) => {
      const check = () => {
        let stopped: boolean;
        try {
          stopped = isStopped();
        } catch {
          stopped = true; // deleted meanwhile
        }
        if (stopped) resolve();
      };
      try {
        watcher = fs.watch(dir, (_event, name) => {
          if (name === 'exit') check();
        });
        watcher.on('error', () => undefined);
      } catch {
        // the dir is gone: check() settles it
      }
      timer = setInterval(check, 1000);
      check();
    });
  } finally {
    (watcher as fs.FSWatcher | null)?.close();
    if (timer) clearInterval(timer);
  }
}
