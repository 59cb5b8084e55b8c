import { KeyedLock } from './keyed-lock';

describe(KeyedLock.name, () => {
  it('should run changes of one key one after another, even after a failure, and other keys alongside', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    let release!: () => void;
    const first = lock.inTurn('a', async () => {
      order.push('a1 begins');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('a1 ends');
      throw new Error('a1 failed');
    });
    const second = lock.inTurn('a', async () => void order.push('a2'));
    const other = lock.inTurn('b', async () => void order.push('b1'));
    await other;
    expect(order).toEqual(['a1 begins', 'b1']);
    release();
    await expect(first).rejects.toThrow('a1 failed');
    await second;
    expect(order).toEqual(['a1 begins', 'b1', 'a1 ends', 'a2']);
  });
});
