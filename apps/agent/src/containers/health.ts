/** The rules of a health check, pure: what to run, and what one probe's result makes of the state. */
import type { HealthConfig, HealthState } from './model';

/** How many probe results `inspect` keeps, as Docker does. */
export const HEALTH_LOG_LENGTH = 5;
/** How much of a probe's output is kept. */
export const HEALTH_OUTPUT_BYTES = 4096;

export interface ProbeResult {
  start: string;
  end: string;
  /** -1: the probe could not run, or outlived its timeout */
  exitCode: number;
  output: string;
}

/** The probe's argv: CMD-SHELL through /bin/sh, CMD as given. */
export function probeArgs(check: Pick<HealthConfig, 'test'>): string[] {
  return check.test[0] === 'CMD-SHELL'
    ? ['/bin/sh', '-c', check.test.slice(1).join(' ')]
    : check.test.slice(1);
}

/**
 * The health after RESULT: healthy on success; failures count once the start period is over
 * (SINCE_START_MS), and RETRIES of them in a row make it unhealthy.
 */
export function afterProbe(
  health: HealthState,
  result: ProbeResult,
  check: Pick<HealthConfig, 'startPeriodMs' | 'retries'>,
  sinceStartMs: number,
): HealthState {
  const log = [...health.log, result].slice(-HEALTH_LOG_LENGTH);
  if (result.exitCode === 0) return { status: 'healthy', failingStreak: 0, log };
  if (sinceStartMs < check.startPeriodMs) return { ...health, log };
  const failingStreak = health.failingStreak + 1;
  return { status: failingStreak >= check.retries ? 'unhealthy' : health.status, failingStreak, log };
}
