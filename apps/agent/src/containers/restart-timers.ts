/**
 * The restarts a restart policy has scheduled: one timer per container, and the back-off that
 * grows while a container keeps failing fast (model.ts: restartDelayMs). Owns only time.
 */
import { restartDelayMs } from './model';

export class RestartTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly delays = new Map<string, number>();

  /** Runs RESTART for container ID after the next back-off, given it ran for RAN_FOR_MS; the delay chosen. */
  schedule(id: string, ranForMs: number, restart: () => void): number {
    const delay = restartDelayMs(this.delays.get(id) ?? 0, ranForMs);
    this.delays.set(id, delay);
    this.cancel(id);
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        restart();
      }, delay),
    );
    return delay;
  }

  /** Whether a restart of ID was waiting (it no longer is). */
  cancel(id: string): boolean {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    return this.timers.delete(id);
  }

  /** A container removed: its back-off starts over should the id come back. */
  forget(id: string): void {
    this.cancel(id);
    this.delays.delete(id);
  }

  stopAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
