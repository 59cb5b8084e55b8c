/**
 * Children of the test process and the test harness (jest-environment.ts) that kills those a
 * test leaves running when it ends. A harness's own process that a test starts for the tests
 * after it (an agent restarted for live restore) says so with outlivesTest, and is then killed
 * only when the file ends, if its afterAll did not stop it.
 */
import type { ChildProcess } from 'node:child_process';

/** The mark, a property of the ChildProcess itself: the one object the test and the harness share. */
export const OUTLIVES_TEST = Symbol.for('berth.test.outlivesTest');

export function outlivesTest<T extends ChildProcess>(child: T): T {
  (child as ChildProcess & { [OUTLIVES_TEST]?: boolean })[OUTLIVES_TEST] = true;
  return child;
}
