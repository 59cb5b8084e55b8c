import type { ReadyRejection, Task } from '@berth/cluster';
import type { Filter } from './filters';
import { NodeInfo } from './node-info';
import { Pipeline } from './pipeline';
import { makeNode, makeTask } from '@berth/cluster/testing';

/** A filter that refuses the nodes it is told to, and records what it was asked. */
class FakeFilter implements Filter {
  readonly calls: string[] = [];

  constructor(
    readonly name: string,
    private readonly refuse: (node: NodeInfo) => boolean,
    readonly dependsOnLoad = false,
    private readonly applies = true,
  ) {}

  setTask(task: Task): boolean {
    this.calls.push(`setTask ${task.id}`);
    return this.applies;
  }

  check(node: NodeInfo): boolean {
    this.calls.push(`check ${node.id}`);
    return !this.refuse(node);
  }

  /** Any kind will do: the pipeline passes it on as the filter gave it. */
  explain(rejected: number, examined: number): ReadyRejection {
    return { filter: 'ready', rejected, examined };
  }
}

/** The pipeline's rejections as `REJECTED of EXAMINED`, in filter order. */
function counts(pipeline: Pipeline): string[] {
  return pipeline.explain().map(({ rejected, examined }) => `${rejected} of ${examined}`);
}

const nodes = ['n1', 'n2', 'n3', 'n4'].map((id) => new NodeInfo(makeNode({ id })));
const is =
  (...ids: string[]) =>
  (node: NodeInfo) =>
    ids.includes(node.id);

describe(Pipeline.name, () => {
  it('should pass a node every filter passes', () => {
    const pipeline = new Pipeline([new FakeFilter('a', () => false), new FakeFilter('b', () => false)]);
    pipeline.setTask(makeTask());
    expect(nodes.map((node) => pipeline.process(node))).toEqual([true, true, true, true]);
    expect(pipeline.explain()).toEqual([]);
  });

  it('should count a refused node against the first filter that refused it, and ask no further', () => {
    const first = new FakeFilter('first', is('n1', 'n2'));
    const second = new FakeFilter('second', is('n2', 'n3'));
    const pipeline = new Pipeline([first, second]);
    pipeline.setTask(makeTask());
    expect(nodes.map((node) => pipeline.process(node))).toEqual([false, false, false, true]);
    expect(second.calls).toEqual(['setTask svc-1.1', 'check n3', 'check n4']);
    // first refused n1 and n2 of the 4; second saw only n3 and n4 and refused n3
    expect(counts(pipeline)).toEqual(['2 of 4', '1 of 2']);
  });

  it('should leave out the filters that refused nothing', () => {
    const pipeline = new Pipeline([new FakeFilter('a', () => false), new FakeFilter('b', is('n1'))]);
    pipeline.setTask(makeTask());
    nodes.forEach((node) => pipeline.process(node));
    expect(counts(pipeline)).toEqual(['1 of 4']);
  });

  it('should skip a filter that does not apply to the task', () => {
    const skipped = new FakeFilter('skipped', () => true, false, false);
    const pipeline = new Pipeline([skipped]);
    pipeline.setTask(makeTask());
    expect(pipeline.process(nodes[0])).toBe(true);
    expect(skipped.calls).toEqual(['setTask svc-1.1']);
  });

  it('should recheck only the filters that depend on load, counting what they refuse', () => {
    const fixed = new FakeFilter('fixed', () => false);
    let full = false;
    const load = new FakeFilter('load', () => full, true);
    const pipeline = new Pipeline([fixed, load]);
    pipeline.setTask(makeTask());
    nodes.forEach((node) => pipeline.process(node));
    full = true;
    expect(pipeline.recheck(nodes[0])).toBe(false);
    expect(fixed.calls.filter((call) => call.startsWith('check'))).toHaveLength(4);
    expect(counts(pipeline)).toEqual(['1 of 4']);
  });

  it('should start counting afresh for each task', () => {
    const pipeline = new Pipeline([new FakeFilter('a', is('n1'))]);
    pipeline.setTask(makeTask());
    nodes.forEach((node) => pipeline.process(node));
    pipeline.setTask(makeTask({ slot: 2 }));
    pipeline.process(nodes[0]);
    expect(counts(pipeline)).toEqual(['1 of 1']);
  });

  it('should let a filter’s error from setTask through', () => {
    const failing: Filter = {
      dependsOnLoad: false,
      setTask: () => {
        throw new Error('bad task');
      },
      check: () => true,
      explain: (rejected, examined) => ({ filter: 'ready', rejected, examined }),
    };
    expect(() => new Pipeline([failing]).setTask(makeTask())).toThrow('bad task');
  });
});
