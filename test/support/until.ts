const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PROBE (sync or async) again every POLL_MS until DONE says yes; its last value. Fails naming
 * WHAT and what it last saw once TIMEOUT_MS has passed.
 */
export async function until<T>(
  what: string,
  probe: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
  pollMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(last)}`);
    await sleep(pollMs);
    last = await probe();
  }
  return last;
}
