#!/usr/bin/env node
// Structure checks that no compiler makes (scripts/test.sh runs them):
//   node scripts/check-imports.js cycles DIR...   import cycles among the *.ts under DIRs
//   node scripts/check-imports.js sizes [DIR...]  source files over 400 lines
//                                                 (default DIRs: apps libs test bench deploy)
// Each prints what it finds and exits 1 if it finds anything.
/* global console */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { findCycles, formatChain } = require('./lib/import-cycles');
const { makeResolver, moduleGraph, tsFilesUnder } = require('./lib/module-graph');
const { MAX_LINES, countLines, oversized } = require('./lib/file-sizes');

const root = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['apps', 'libs', 'test', 'bench', 'deploy'];

function checkCycles(dirs) {
  if (!dirs.length) throw new Error('cycles: name the directories to check');
  const { paths } = JSON.parse(
    fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'),
  ).compilerOptions;
  const files = dirs.flatMap((d) => tsFilesUnder(path.resolve(root, d)));
  const cycles = findCycles(moduleGraph(root, files, makeResolver(root, paths)));
  for (const { modules, chains } of cycles) {
    console.log(`import cycle among ${modules.length} files:`);
    for (const chain of chains) console.log(`  ${formatChain(chain)}`);
  }
  console.log(
    cycles.length
      ? `${cycles.length} import cycle(s) in ${files.length} files`
      : `no import cycles in ${files.length} files`,
  );
  return cycles.length === 0;
}

function checkSizes(dirs) {
  const files = (dirs.length ? dirs : SOURCE_DIRS)
    .flatMap((d) => tsFilesUnder(path.resolve(root, d)))
    .map((file) => ({
      file: path.relative(root, file).split(path.sep).join('/'),
      lines: countLines(fs.readFileSync(file, 'utf8')),
    }));
  const over = oversized(files);
  for (const { file, lines } of over) console.log(`${file}: ${lines} lines (at most ${MAX_LINES})`);
  console.log(
    over.length
      ? `${over.length} file(s) over ${MAX_LINES} lines: split them by concern`
      : `no source file over ${MAX_LINES} lines`,
  );
  return over.length === 0;
}

const [command, ...args] = process.argv.slice(2);
const checks = { cycles: checkCycles, sizes: checkSizes };
if (!checks[command]) {
  console.error('usage: check-imports.js cycles DIR... | sizes [DIR...]');
  process.exit(2);
}
process.exit(checks[command](args) ? 0 : 1);
