/** Waiting for something only the kernel or another process will change. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PollTimeoutError extends Error {}

/**
 * Resolves once CHECK holds, looking again after 1, 2, 4 … up to 50 ms, so a
 * quick change is seen at once and a slow one costs little; rejects after TIMEOUT_MS.
 */
export async function pollUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 1; !check(); delay = Math.min(delay * 2, 50)) {
    if (Date.now() > deadline)
      throw new PollTimeoutError(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(delay);
  }
}

/** As pollUntil, answering whether CHECK came to hold in time instead of throwing. */
export function pollFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  return pollUntil(check, timeoutMs, '').then(
    () => true,
    () => false,
  );
}
