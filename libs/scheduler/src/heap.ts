/**
 * A binary min-heap: `before(a, b)` says whether `a` comes out first. Placing many tasks
 * takes the best node over and over, and only that node's rank changes in between.
 */
export class Heap<T> {
  private readonly items: T[];

  constructor(
    private readonly before: (a: T, b: T) => boolean,
    items: Iterable<T> = [],
  ) {
    this.items = [...items];
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    this.items.push(item);
    this.siftUp(this.items.length - 1);
  }

  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    const top = this.items[0];
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Moves the item at `index` up to its place, shifting parents down into the hole. */
  private siftUp(index: number): void {
    const items = this.items;
    const item = items[index];
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(item, items[parent])) break;
      items[index] = items[parent];
      index = parent;
    }
    items[index] = item;
  }

  /** Moves the item at `index` down to its place, shifting the first child up into the hole. */
  private siftDown(index: number): void {
    const items = this.items;
    const item = items[index];
    const half = items.length >> 1;
    while (index < half) {
      let child = 2 * index + 1;
      const right = child + 1;
      if (right < items.length && this.before(items[right], items[child])) child = right;
      if (!this.before(items[child], item)) break;
      items[index] = items[child];
      index = child;
    }
    items[index] = item;
  }
}
