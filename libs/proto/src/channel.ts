/**
 * An async queue that several producers push into and one consumer reads
 * with `for await`: how a streaming handler merges output from pipes, timers
 * and events into one response stream.
 */
export class Channel<T> implements AsyncIterable<T> {
  /** A channel that WORK fills; it ends when WORK resolves and fails when it rejects. */
  static of<T>(work: (out: Channel<T>) => Promise<void>): Channel<T> {
    const out = new Channel<T>();
    work(out).then(
      () => out.close(),
      (error: unknown) => out.fail(error),
    );
    return out;
  }

  private readonly queue: T[] = [];
  private closed = false;
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  push(item: T): void {
    if (this.closed) return;
    this.queue.push(item);
    this.notify();
  }

  /** No more items: the reader finishes after what is queued. */
  close(): void {
    this.closed = true;
    this.notify();
  }

  /** The reader throws ERROR after what is queued. */
  fail(error: unknown): void {
    this.failure = error;
    this.closed = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      while (this.queue.length) yield this.queue.shift()!;
      if (this.failure) throw this.failure;
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}
