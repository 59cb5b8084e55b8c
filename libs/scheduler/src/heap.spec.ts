import { Heap } from './heap';

const lessThan = (a: number, b: number) => a < b;

function drain<T>(heap: Heap<T>): T[] {
  const out: T[] = [];
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) out.push(item);
  return out;
}

describe(Heap.name, () => {
  it('should give items back in order, whatever order they came in', () => {
    const heap = new Heap(lessThan, [5, 3, 9, 1, 7, 2, 8]);
    heap.push(4);
    heap.push(0);
    expect(heap.size).toBe(9);
    expect(drain(heap)).toEqual([0, 1, 2, 3, 4, 5, 7, 8, 9]);
  });

  it('should agree with a sort on many random numbers', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const numbers = Array.from({ length: 1000 }, random);
    const heap = new Heap(lessThan, numbers.slice(0, 500));
    for (const n of numbers.slice(500)) heap.push(n);
    expect(drain(heap)).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('should keep duplicates', () => {
    expect(drain(new Heap(lessThan, [2, 1, 2, 1]))).toEqual([1, 1, 2, 2]);
  });

  it('should peek at the first item without taking it', () => {
    const heap = new Heap(lessThan, [3, 1, 2]);
    expect(heap.peek()).toBe(1);
    expect(heap.size).toBe(3);
  });

  it('should be empty when empty', () => {
    const heap = new Heap<number>(lessThan);
    expect(heap.size).toBe(0);
    expect(heap.peek()).toBeUndefined();
    expect(heap.pop()).toBeUndefined();
  });

  it('should not change the array it was built from', () => {
    const items = [3, 1, 2];
    drain(new Heap(lessThan, items));
    expect(items).toEqual([3, 1, 2]);
  });

  it('should let an item come back with a new rank', () => {
    const heap = new Heap(
      (a: { rank: number }, b: { rank: number }) => a.rank < b.rank,
      [{ rank: 1 }, { rank: 2 }, { rank: 3 }],
    );
    const first = heap.pop()!;
    first.rank = 10;
    heap.push(first);
    expect(drain(heap).map((item) => item.rank)).toEqual([2, 3, 10]);
  });
});
