/**
 * Counts over what etcd holds, kept as the benchmark's StateCache hears of each change: how many
 * tasks (or nodes) satisfy a predicate, updated per event by the old and new object, so that
 * waiting for "150,000 RUNNING" costs a few comparisons an event rather than a pass over every
 * task. `until` resolves at the first event after which a condition holds, with that moment.
 */
import { isTerminal, type Node, type Task, type TaskState } from '@berth/cluster';
import type { StateCache } from '@berth/store';

/** Tasks' fields the benchmark asks about (the rest of a task need not be looked at). */
export interface TaskFacts {
  serviceId: string;
  nodeId: string;
  state: TaskState;
  desiredState: TaskState;
  specVersion: number;
}

export interface NodeFacts {
  id: string;
  hostname: string;
  state: string;
}

interface Counter<F> {
  test: (facts: F) => boolean;
  n: number;
}

/** Running as a service's replica: reported running and still wanted so. */
export const runs = (t: TaskFacts): boolean => t.state === 'running' && t.desiredState === 'running';

/** Not ended yet (whatever is wanted of it). */
export const notEnded = (t: TaskFacts): boolean => !isTerminal(t.state);

export class TaskTally {
  private readonly tasks = new Map<string, TaskFacts>();
  private readonly nodes = new Map<string, NodeFacts>();
  private readonly taskCounters: Counter<TaskFacts>[] = [];
  private readonly nodeCounters: Counter<NodeFacts>[] = [];
  private readonly checks = new Set<() => void>();
  private readonly stopListening: () => void;
  /** the events heard, of every kind */
  events = 0;

  constructor(cache: StateCache) {
    for (const task of cache.list('tasks')) this.tasks.set(task.id, taskFacts(task));
    for (const node of cache.list('nodes')) this.nodes.set(node.id, nodeFacts(node));
    this.stopListening = cache.onChange((event) => {
      this.events++;
      if (event.kind === 'tasks')
        this.apply(this.tasks, this.taskCounters, event.id, event.object && taskFacts(event.object as Task));
      if (event.kind === 'nodes')
        this.apply(this.nodes, this.nodeCounters, event.id, event.object && nodeFacts(event.object as Node));
      for (const check of this.checks) check();
    });
  }

  close(): void {
    this.stopListening();
  }

  /** A live count of the tasks TEST holds for. */
  countTasks(test: (t: TaskFacts) => boolean): { readonly n: number } {
    return this.counter(this.tasks, this.taskCounters, test);
  }

  countNodes(test: (n: NodeFacts) => boolean): { readonly n: number } {
    return this.counter(this.nodes, this.nodeCounters, test);
  }

  /** The ids of the nodes whose facts TEST holds for, now. */
  nodeIds(test: (n: NodeFacts) => boolean): Set<string> {
    return new Set([...this.nodes].filter(([, facts]) => test(facts)).map(([id]) => id));
  }

  /**
   * The moment (performance.now()) CONDITION first held after an event. Meanwhile says every
   * 10 s what PROGRESS says; fails after TIMEOUT_MS with it.
   */
  until(condition: () => boolean, what: string, timeoutMs: number, progress: () => string): Promise<number> {
    if (condition()) return Promise.resolve(performance.now());
    const start = performance.now();
    return new Promise((resolve, reject) => {
      const end = () => {
        this.checks.delete(check);
        clearTimeout(timer);
        clearInterval(ticker);
      };
      const check = () => {
        if (!condition()) return;
        end();
        resolve(performance.now());
      };
      const timer = setTimeout(() => {
        end();
        reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} (${progress()})`));
      }, timeoutMs);
      const ticker = setInterval(
        () => console.log(`    … ${progress()} after ${((performance.now() - start) / 1000).toFixed(0)} s`),
        10_000,
      );
      this.checks.add(check);
    });
  }

  private counter<F>(facts: Map<string, F>, counters: Counter<F>[], test: (f: F) => boolean): Counter<F> {
    let n = 0;
    for (const f of facts.values()) if (test(f)) n++;
    const counter = { test, n };
    counters.push(counter);
    return counter;
  }

  private apply<F>(facts: Map<string, F>, counters: Counter<F>[], id: string, next: F | null): void {
    const before = facts.get(id);
    for (const counter of counters)
      counter.n += (next && counter.test(next) ? 1 : 0) - (before && counter.test(before) ? 1 : 0);
    if (next) facts.set(id, next);
    else facts.delete(id);
  }
}

function taskFacts(task: Task): TaskFacts {
  return {
    serviceId: task.serviceId,
    nodeId: task.nodeId,
    state: task.status.state,
    desiredState: task.desiredState,
    specVersion: task.specVersion,
  };
}

function nodeFacts(node: Node): NodeFacts {
  return { id: node.id, hostname: node.description.hostname, state: node.status.state };
}
