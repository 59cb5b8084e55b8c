/* global describe, it, expect */
// The pure parts of scripts/check-imports.js: graph → cycles, source → imports, lines → verdict.
'use strict';
const { cyclicComponents, chainsOf, findCycles, formatChain } = require('./import-cycles');
const { importSpecifiers } = require('./module-graph');
const { countLines, isCheckedSource, oversized } = require('./file-sizes');

const graphOf = (edges) => new Map(Object.entries(edges));

describe('cyclicComponents', () => {
  it('should find nothing in a graph without cycles', () => {
    expect(cyclicComponents(graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }))).toEqual([]);
  });

  it('should find the known five-file cycle as one component, and leave out what hangs off it', () => {
    const graph = graphOf({
      'model.ts': ['networks.service.ts', 'util.ts'],
      'networks.service.ts': ['parking.ts'],
      'parking.ts': ['task-container.ts'],
      'task-container.ts': ['plan.ts'],
      'plan.ts': ['model.ts'],
      'util.ts': [],
      'main.ts': ['model.ts'],
    });
    expect(cyclicComponents(graph)).toEqual([
      ['model.ts', 'networks.service.ts', 'parking.ts', 'plan.ts', 'task-container.ts'],
    ]);
  });

  it('should keep separate cycles apart, sorted', () => {
    const graph = graphOf({ 'x.ts': ['y.ts'], 'y.ts': ['x.ts'], 'a.ts': ['b.ts'], 'b.ts': ['a.ts', 'x.ts'] });
    expect(cyclicComponents(graph)).toEqual([
      ['a.ts', 'b.ts'],
      ['x.ts', 'y.ts'],
    ]);
  });

  it('should count a module that imports itself, and ignore imports of modules outside the graph', () => {
    expect(cyclicComponents(graphOf({ 'a.ts': ['a.ts', 'elsewhere.ts'] }))).toEqual([['a.ts']]);
  });

  it('should walk a long chain without overflowing the stack', () => {
    const edges = {};
    for (let i = 0; i < 20000; i++) edges[`m${i}`] = [`m${(i + 1) % 20000}`];
    expect(cyclicComponents(graphOf(edges))[0]).toHaveLength(20000);
  });
});

describe('chainsOf', () => {
  it('should give one chain that closes on its first module when the cycle is simple', () => {
    const graph = graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'] });
    expect(chainsOf(graph, ['a.ts', 'b.ts', 'c.ts'])).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('should add chains until every module of the component is on one', () => {
    // two cycles sharing hub.ts: no single simple cycle passes through all three
    const graph = graphOf({
      'hub.ts': ['left.ts', 'right.ts'],
      'left.ts': ['hub.ts'],
      'right.ts': ['hub.ts'],
    });
    expect(chainsOf(graph, ['hub.ts', 'left.ts', 'right.ts'])).toEqual([
      ['hub.ts', 'left.ts', 'hub.ts'],
      ['right.ts', 'hub.ts', 'right.ts'],
    ]);
  });
});

describe('findCycles', () => {
  it('should print a cycle as a chain back to its start', () => {
    const [cycle] = findCycles(graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['a.ts'] }));
    expect(formatChain(cycle.chains[0])).toBe('a.ts → b.ts → a.ts');
  });
});

describe('importSpecifiers', () => {
  it('should see every kind of import, type-only ones included', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "export { c } from './c';",
      "export * from './d';",
      "import e = require('./e');",
      "const f = require('./f');",
      "const g = () => import('./g');",
      "let h: typeof import('./h');",
      "import './side-effect';",
      "const notAnImport = 'from ./nowhere';",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(
      ['./a', './b', './c', './d', './e', './f', './g', './h', './side-effect'].sort(),
    );
  });
});

describe('file sizes', () => {
  it('should count lines as wc -l does, and a last line without a newline', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('one\ntwo\n')).toBe(2);
    expect(countLines('one\ntwo')).toBe(2);
  });

  it('should exempt tests, declarations and generated code', () => {
    expect(isCheckedSource('libs/runtime/src/runtime.ts')).toBe(true);
    expect(isCheckedSource('libs/runtime/src/runtime.spec.ts')).toBe(false);
    expect(isCheckedSource('test/runtime/lifecycle.test.ts')).toBe(false);
    expect(isCheckedSource('libs/proto/src/generated/berth.d.ts')).toBe(false);
    expect(isCheckedSource('libs/proto/src/generated/client.ts')).toBe(false);
  });

  it('should report the files over the limit, longest first', () => {
    const files = [
      { file: 'a.ts', lines: 400 },
      { file: 'b.ts', lines: 401 },
      { file: 'c.ts', lines: 900 },
      { file: 'c.spec.ts', lines: 900 },
    ];
    expect(oversized(files).map((f) => f.file)).toEqual(['c.ts', 'b.ts']);
  });
});
