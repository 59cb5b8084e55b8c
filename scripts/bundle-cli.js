#!/usr/bin/env node
// Bundles the CLI (dist/apps/cli) into one file, dist/cli/berth.js, and warms
// its V8 code cache. Every berth command starts a Node process: one file
// instead of ~60 modules, and compiled code instead of parsing, take about a
// third off a command's start-up (see apps/cli/src/launch.ts).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist/cli/berth.js');
esbuild.buildSync({
  entryPoints: [path.join(root, 'dist/apps/cli/src/main.js')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  outfile: out,
  logLevel: 'warning',
});
fs.rmSync(`${out}.cache`, { force: true });
// the first run writes the code cache; `help` runs no engine call
execFileSync(process.execPath, [path.join(root, 'dist/apps/cli/src/launch.js'), 'help'], { stdio: 'ignore' });
if (!fs.existsSync(`${out}.cache`)) throw new Error(`bundle-cli: ${out}.cache was not written`);
