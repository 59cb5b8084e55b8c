/** RLIMIT_* names (as in config.json) to the numbers setrlimit(2) takes on Linux. */
export const RLIMIT_NUMBERS: Readonly<Record<string, number>> = {
  RLIMIT_CPU: 0,
  RLIMIT_FSIZE: 1,
  RLIMIT_DATA: 2,
  RLIMIT_STACK: 3,
  RLIMIT_CORE: 4,
  RLIMIT_RSS: 5,
  RLIMIT_NPROC: 6,
  RLIMIT_NOFILE: 7,
  RLIMIT_MEMLOCK: 8,
  RLIMIT_AS: 9,
  RLIMIT_LOCKS: 10,
  RLIMIT_SIGPENDING: 11,
  RLIMIT_MSGQUEUE: 12,
  RLIMIT_NICE: 13,
  RLIMIT_RTPRIO: 14,
  RLIMIT_RTTIME: 15,
};

/** `unlimited` and values past 2^64-1 are RLIM_INFINITY. */
export const RLIM_INFINITY = '18446744073709551615';

export function rlimitValue(value: number): string {
  return value < 0 || value >= 2 ** 64 - 1 ? RLIM_INFINITY : String(Math.floor(value));
}
