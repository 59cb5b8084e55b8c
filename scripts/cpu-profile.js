#!/usr/bin/env node
'use strict';
/**
 * Reads V8 CPU profiles (`node --cpu-prof`, as `BENCH_CPU_PROF=DIR npm run bench:scale` writes
 * for each manager) and prints where the time went, as text a note can carry:
 *
 *   node scripts/cpu-profile.js [--top N] [--min PCT] [--folded] FILE.cpuprofile…
 *
 * - the functions with the most self time (file:line), with their share of the samples;
 * - a flame graph as an indented tree: each frame's inclusive share, children under their
 *   caller, frames under --min percent (default 1.5) left out;
 * - --folded prints folded stacks instead ("a;b;c COUNT" per line), the input of any flame
 *   graph renderer (flamegraph.pl, speedscope, inferno).
 * - --focus TEXT keeps only the stacks through a frame whose name contains TEXT, rooted there.
 * Several files (one per manager) are added together.
 */
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
let top = 25;
let min = 1.5;
let folded = false;
let focus = '';
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--min') min = Number(args[++i]);
  else if (args[i] === '--folded') folded = true;
  else if (args[i] === '--focus') focus = args[++i];
  else files.push(args[i]);
}
if (!files.length) {
  process.stderr.write('usage: node scripts/cpu-profile.js [--top N] [--min PCT] [--folded] FILE.cpuprofile…\n');
  process.exit(2);
}

const REPO = path.resolve(__dirname, '..');
function frameName(callFrame) {
  const name = callFrame.functionName || '(anonymous)';
  if (!callFrame.url) return name;
  const file = callFrame.url.replace(/^file:\/\//, '').replace(REPO + '/', '').replace(/.*node_modules\//, '~/');
  return `${name} ${file}:${callFrame.lineNumber + 1}`;
}

/** every sample's stack, root first, as frame names; with the sampling interval */
function stacksOf(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackCache = new Map();
  const stackOf = (id) => {
    if (stackCache.has(id)) return stackCache.get(id);
    const up = parent.has(id) ? stackOf(parent.get(id)) : [];
    const node = byId.get(id);
    const stack = node.callFrame.functionName === '(root)' ? up : [...up, frameName(node.callFrame)];
    stackCache.set(id, stack);
    return stack;
  };
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const micros = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
  return { entries: [...counts].map(([id, count]) => ({ stack: stackOf(id), count })), micros };
}

const all = [];
let totalSamples = 0;
let micros = 0;
for (const file of files) {
  const { entries, micros: m } = stacksOf(JSON.parse(fs.readFileSync(file, 'utf8')));
  for (const e of entries) {
    if (focus) {
      const at = e.stack.findIndex((name) => name.includes(focus));
      if (at < 0) continue;
      e.stack = e.stack.slice(at);
    }
    totalSamples += e.count;
    all.push(e);
  }
  micros = m;
}

if (folded) {
  const lines = new Map();
  for (const { stack, count } of all) {
    const key = stack.join(';') || '(root)';
    lines.set(key, (lines.get(key) ?? 0) + count);
  }
  for (const [key, count] of lines) process.stdout.write(`${key} ${count}\n`);
  process.exit(0);
}

process.stdout.on('error', () => process.exit(0)); // piped into head
const pct = (n) => ((100 * n) / totalSamples).toFixed(1).padStart(5) + '%';
const idle = (name) => name.startsWith('(idle)') || name.startsWith('(program)') || name.startsWith('(garbage');
const self = new Map();
for (const { stack, count } of all) {
  const leaf = stack[stack.length - 1] ?? '(root)';
  self.set(leaf, (self.get(leaf) ?? 0) + count);
}
const busy = all.filter((e) => !idle(e.stack[0] ?? '(idle)')).reduce((n, e) => n + e.count, 0);
process.stdout.write(
  `${files.length} profile(s), ${totalSamples} samples of ~${Math.round(micros)} µs: ` +
    `${((totalSamples * micros) / 1e6).toFixed(1)} s sampled, ${pct(busy).trim()} running JavaScript ` +
    `(the rest idle, GC or V8 itself)\n\nself time:\n`,
);
for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`  ${pct(count)}  ${name}\n`);

// the flame graph as a tree of inclusive shares
const root = { children: new Map(), count: 0 };
for (const { stack, count } of all) {
  let node = root;
  for (const name of stack) {
    let child = node.children.get(name);
    if (!child) node.children.set(name, (child = { children: new Map(), count: 0 }));
    child.count += count;
    node = child;
  }
}
process.stdout.write(`\nflame graph (inclusive, frames ≥ ${min}%):\n`);
const print = (node, depth) => {
  for (const [name, child] of [...node.children].sort((a, b) => b[1].count - a[1].count)) {
    if ((100 * child.count) / totalSamples < min) continue;
    process.stdout.write(`${pct(child.count)} ${'  '.repeat(depth)}${name}\n`);
    print(child, depth + 1);
  }
};
print(root, 0);
