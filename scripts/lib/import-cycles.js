// Import cycles in a module graph: the strongly connected components, and for
// each a few concrete chains (a → b → … → a) that together pass through every
// module in it, so a reader sees which imports to cut. Pure: no files, no I/O.
'use strict';

/**
 * The strongly connected components of GRAPH (Map: module → modules it imports)
 * that are cycles: two or more modules, or one that imports itself. Tarjan's
 * algorithm, iterative so a deep graph cannot overflow the stack. Each
 * component is sorted, and the components are sorted by their first module.
 */
function cyclicComponents(graph) {
  const index = new Map();
  const lowLink = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  let counter = 0;
  const successors = (node) => (graph.get(node) ?? []).filter((next) => graph.has(next));

  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    // each frame: a node and how far through its successors the walk has got
    const frames = [{ node: start, next: 0 }];
    index.set(start, counter);
    lowLink.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const nexts = successors(frame.node);
      if (frame.next < nexts.length) {
        const next = nexts[frame.next++];
        if (!index.has(next)) {
          index.set(next, counter);
          lowLink.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          frames.push({ node: next, next: 0 });
        } else if (onStack.has(next)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node), index.get(next)));
        }
        continue;
      }
      frames.pop();
      if (frames.length) {
        const parent = frames[frames.length - 1].node;
        lowLink.set(parent, Math.min(lowLink.get(parent), lowLink.get(frame.node)));
      }
      if (lowLink.get(frame.node) !== index.get(frame.node)) continue;
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfImport = component.length === 1 && successors(member).includes(member);
      if (component.length > 1 || selfImport) components.push(component.sort());
    }
  }
  return components.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The shortest chain START → … → START that stays inside MEMBERS (a Set), or null. */
function shortestCycleThrough(graph, members, start) {
  const cameFrom = new Map();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const chain = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)) chain.splice(1, 0, at);
        return [...chain, start];
      }
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, node);
      queue.push(next);
    }
  }
  return null;
}

/**
 * Chains that together pass through every module of COMPONENT: the shortest
 * cycle through its first module, then through the first module not yet on
 * any chain, and so on.
 */
function chainsOf(graph, component) {
  const members = new Set(component);
  const covered = new Set();
  const chains = [];
  for (const module of component) {
    if (covered.has(module)) continue;
    const chain = shortestCycleThrough(graph, members, module);
    if (!chain) continue; // cannot happen inside a strongly connected component
    chain.forEach((m) => covered.add(m));
    chains.push(chain);
  }
  return chains;
}

/** Every cycle of GRAPH: [{ modules, chains }], one entry per strongly connected component. */
function findCycles(graph) {
  return cyclicComponents(graph).map((modules) => ({ modules, chains: chainsOf(graph, modules) }));
}

function formatChain(chain) {
  return chain.join(' → ');
}

module.exports = { cyclicComponents, shortestCycleThrough, chainsOf, findCycles, formatChain };
