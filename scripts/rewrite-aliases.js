#!/usr/bin/env node
// After tsc: turn the @berth/* path aliases of tsconfig.base.json into relative
// requires in dist/, so the built code runs on plain Node with no resolver hook.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// the output directory: dist/, or another given as the first argument
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const paths = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions
  .paths;

/** '@berth/runtime/errors' → absolute path of the built module, or null if not an alias. */
function resolveAlias(specifier) {
  for (const [pattern, [target]] of Object.entries(paths)) {
    const wildcard = pattern.endsWith('/*');
    const prefix = wildcard ? pattern.slice(0, -1) : pattern;
    if (wildcard ? !specifier.startsWith(prefix) : specifier !== pattern) continue;
    const mapped = wildcard ? target.replace('*', specifier.slice(prefix.length)) : target;
    return path.join(dist, mapped.replace(/\.ts$/, ''));
  }
  return null;
}

function rewrite(file) {
  const text = fs.readFileSync(file, 'utf8');
  const out = text.replace(/require\((["'])(@berth\/[^"']+)\1\)/g, (whole, quote, specifier) => {
    const target = resolveAlias(specifier);
    if (!target) throw new Error(`${file}: no path alias for ${specifier}`);
    let rel = path.relative(path.dirname(file), target);
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `require(${quote}${rel}${quote})`;
  });
  if (out !== text) fs.writeFileSync(file, out);
}

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.js')) rewrite(full);
  }
}

walk(dist);
