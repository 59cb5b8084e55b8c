/**
 * Progress of pulls, pushes and builds as plain events, so the library, the
 * agent and a remote CLI can all pass them on; renderers turn them into bars
 * on a terminal and plain lines elsewhere.
 */
export type ProgressAction =
  | 'Waiting'
  | 'Downloading'
  | 'Download complete'
  | 'Extracting'
  | 'Pull complete'
  | 'Already exists'
  | 'Preparing'
  | 'Pushing'
  | 'Pushed'
  | 'Layer already exists'
  | 'Mounted';

export interface ProgressEvent {
  /** The layer's short id (12 hex digits). */
  id: string;
  action: ProgressAction;
  current?: number;
  total?: number;
  /** e.g. the repository a blob was mounted from. */
  detail?: string;
}

export type ProgressListener = (event: ProgressEvent) => void;

export const noProgress: ProgressListener = () => undefined;

/** Calls FN with byte counts at most every INTERVAL_MS (and always for the last). */
export function throttled(
  fn: (current: number) => void,
  intervalMs = 100,
): (current: number, final?: boolean) => void {
  let last = 0;
  return (current, final = false) => {
    const now = Date.now();
    if (final || now - last >= intervalMs) {
      last = now;
      fn(current);
    }
  };
}

/** Run FN over ITEMS with at most LIMIT at once; results in order; the first failure rejects. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
