/** Decisions that held the event loop at least this long (ms) are followed by a pause. */
const PAUSE_AFTER_MS = 20;
const MAX_PAUSE_MS = 500;

/**
 * The leader's passes and rollout steps, spaced by their own cost: one whose decisions held the
 * event loop for DECIDE_MS (placing over a big cluster reads every task) is followed by a pause
 * as long, up to half a second, so the API, the sessions and the leader's lease get at least as
 * much; true when it paused.
 */
export async function pauseAfter(decideMs: number): Promise<boolean> {
  if (decideMs < PAUSE_AFTER_MS) return false;
  await new Promise((resolve) => setTimeout(resolve, Math.min(decideMs, MAX_PAUSE_MS)));
  return true;
}
