// The module graph of a set of TypeScript files: which file imports which,
// through relative paths and the @berth/* aliases of tsconfig.base.json.
// Every kind of import counts, type-only ones too: a cycle of types is still
// a cycle in the design.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

/** The module specifiers SOURCE names: imports, re-exports, require(), import() and import types. */
function importSpecifiers(source, fileName = 'module.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found = [];
  const literal = (node) => (node && ts.isStringLiteralLike(node) ? found.push(node.text) : undefined);
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      literal(node.moduleReference.expression);
    else if (ts.isCallExpression(node)) {
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isRequire || node.expression.kind === ts.SyntaxKind.ImportKeyword) literal(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      literal(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** A resolver for specifiers in files under ROOT: relative ones and the tsconfig PATHS aliases; null for packages. */
function makeResolver(root, paths) {
  const aliases = Object.entries(paths).map(([pattern, [target]]) => ({
    wildcard: pattern.endsWith('/*'),
    prefix: pattern.endsWith('/*') ? pattern.slice(0, -1) : pattern,
    target,
  }));
  const asFile = (base) => {
    for (const candidate of [base, `${base}.ts`, `${base}.d.ts`, path.join(base, 'index.ts')])
      if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    return null;
  };
  return (specifier, fromFile) => {
    if (specifier.startsWith('.')) return asFile(path.resolve(path.dirname(fromFile), specifier));
    for (const { wildcard, prefix, target } of aliases) {
      if (wildcard ? !specifier.startsWith(prefix) : specifier !== prefix) continue;
      const mapped = wildcard ? target.replace('*', specifier.slice(prefix.length)) : target;
      return asFile(path.resolve(root, mapped));
    }
    return null;
  };
}

/** Every *.ts file under DIR, skipping node_modules and dist. */
function tsFilesUnder(dir) {
  const out = [];
  const walk = (at) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.ts')) out.push(full);
    }
  };
  if (fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) walk(dir);
  return out.sort();
}

/**
 * The graph over FILES (absolute paths), keyed by path relative to ROOT: each
 * file → the files among FILES it imports. Imports of files outside the set
 * are left out: a cycle needs both ends in it.
 */
function moduleGraph(root, files, resolve) {
  const inSet = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const targets = new Set();
    for (const specifier of importSpecifiers(fs.readFileSync(file, 'utf8'), file)) {
      const target = resolve(specifier, file);
      if (target && inSet.has(target)) targets.add(path.relative(root, target));
    }
    graph.set(path.relative(root, file), [...targets].sort());
  }
  return graph;
}

module.exports = { importSpecifiers, makeResolver, tsFilesUnder, moduleGraph };
