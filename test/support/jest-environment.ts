/**
 * Jest's node environment, plus one promise: a test leaves no process running. Every child
 * process started in the test file's process (spawn, execFile, exec, fork all go through
 * ChildProcess#spawn) is tracked with the test that started it. When a test ends, pass or fail,
 * the children it started and left running are killed; when the file ends, so is every other
 * one still running: the daemons a file's harness starts detached (a local cluster's agents,
 * a runtime's shims) are stopped by the harness in afterAll, and killed here when it could not.
 * So a failed test cannot keep jest's run from ending, nor leave load behind on the machine.
 */
import { ChildProcess, type SpawnOptions } from 'node:child_process';
import NodeEnvironment from 'jest-environment-node';
import { OUTLIVES_TEST } from './processes';

interface TrackedChild {
  child: ChildProcess;
  pid: number;
  /** Its own process group (spawned detached): the group is killed, the child's children with it. */
  group: boolean;
  /** The test that started it, or undefined for a hook outside any test (beforeAll, the file). */
  test: string | undefined;
  command: string;
}

/** Whose processes are being tracked: at most one environment (test file) at a time per process. */
let tracker: ChildTracker | undefined;
/** Node's own (undocumented, untyped) ChildProcess#spawn, through which every async child starts. */
type SpawnMethod = (
  this: ChildProcess,
  options: SpawnOptions & { file?: string; args?: string[] },
) => unknown;
const prototype = ChildProcess.prototype as ChildProcess & {
  spawn: SpawnMethod & { berthTracked?: boolean };
};
const originalSpawn = prototype.spawn;

/** Installed once per process: hands each started child to the current file's tracker. */
function installSpawnHook(): void {
  if (prototype.spawn.berthTracked) return;
  const tracked: SpawnMethod & { berthTracked?: boolean } = function (this, options) {
    const result = originalSpawn.call(this, options);
    tracker?.add(this, options);
    return result;
  };
  tracked.berthTracked = true;
  prototype.spawn = tracked;
}

class ChildTracker {
  private readonly children = new Set<TrackedChild>();
  currentTest: string | undefined;

  add(child: ChildProcess, options: SpawnOptions & { file?: string; args?: string[] }): void {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const entry: TrackedChild = {
      child,
      pid: child.pid,
      group: options.detached === true,
      test: this.currentTest,
      command: (options.args ?? [options.file ?? '?']).join(' ').slice(0, 160),
    };
    this.children.add(entry);
    child.once('exit', () => this.children.delete(entry));
  }

  /** Kills the children WHICH selects that are still running; resolves when they have exited. */
  async stop(which: (c: TrackedChild) => boolean, why: string): Promise<void> {
    // one the test already signalled is on its way out: give it a moment before calling it left behind
    const signalled = [...this.children].filter((c) => which(c) && c.child.killed);
    await Promise.all(signalled.map((c) => exitWithin(c.child, 2000)));
    const doomed = [...this.children].filter(which);
    if (doomed.length === 0) return;
    process.stderr.write(
      `[test harness] ${why}: killing ${doomed.map((c) => `pid ${c.pid} (${c.command})`).join(', ')}\n`,
    );
    await Promise.all(
      doomed.map(async (c) => {
        const exited = new Promise<void>((resolve) => {
          if (c.child.exitCode !== null || c.child.signalCode !== null) resolve();
          else c.child.once('exit', () => resolve());
        });
        try {
          process.kill(c.group ? -c.pid : c.pid, 'SIGKILL');
        } catch {
          // it exited meanwhile
        }
        // its pipes to us are closed too, so they keep nothing of jest's alive
        for (const stream of [c.child.stdin, c.child.stdout, c.child.stderr]) stream?.destroy();
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
        this.children.delete(c);
      }),
    );
  }
}

/** Resolves when CHILD has exited, or after MS. */
function exitWithin(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Marked by outlivesTest (test/support/processes.ts): the file's harness, killed at the file's end. */
function outlivesItsTest(child: ChildProcess): boolean {
  return (child as ChildProcess & { [OUTLIVES_TEST]?: boolean })[OUTLIVES_TEST] === true;
}

/**
 * Unreferenced (child.unref()): its starter keeps it as a daemon that may not hold the process
 * open (the runtime's berth-shim spawner, started on first use and again after it died); it
 * cannot keep jest from ending, so it lives until the file ends.
 */
function unreferenced(child: ChildProcess): boolean {
  const handle = (child as ChildProcess & { _handle?: { hasRef?: () => boolean } })._handle;
  return handle?.hasRef?.() === false;
}

/** The name a circus test event's test goes by: its describe blocks and its own name. */
function testName(test: { name: string; parent?: { name: string; parent?: unknown } }): string {
  const names = [test.name];
  for (let block = test.parent as typeof test | undefined; block?.parent; block = block.parent as typeof test)
    names.unshift(block.name);
  return names.join(' › ');
}

export default class ProcessTrackingEnvironment extends NodeEnvironment {
  private readonly tracker = new ChildTracker();

  override async setup(): Promise<void> {
    await super.setup();
    installSpawnHook();
    tracker = this.tracker;
  }

  async handleTestEvent(event: { name: string; test?: Parameters<typeof testName>[0] }): Promise<void> {
    if (event.name === 'test_start' && event.test) {
      this.tracker.currentTest = testName(event.test);
    } else if (event.name === 'test_done' && event.test) {
      // after its afterEach hooks: what is still running now, the test left behind
      const name = testName(event.test);
      this.tracker.currentTest = undefined;
      await this.tracker.stop(
        (c) => c.test === name && !c.group && !outlivesItsTest(c.child) && !unreferenced(c.child),
        `"${name}" ended and left processes running`,
      );
    }
  }

  override async teardown(): Promise<void> {
    await this.tracker.stop(() => true, 'the test file ended and left processes running');
    if (tracker === this.tracker) tracker = undefined;
    await super.teardown();
  }
}
