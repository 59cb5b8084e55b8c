import type { ServiceSpec } from '@berth/cluster';
import { formatProblem, SpecError } from './errors';
import { loadStack } from './load';
import type { LoadedStack, LoadOptions } from './types';

/** Helpers for this library's tests: a stack from one YAML string, named `app`, file `stack.yml`. */

export function load(yaml: string, options: Partial<LoadOptions> = {}): LoadedStack {
  return loadStack({ files: [{ path: 'stack.yml', content: yaml }], env: {}, stackName: 'app', ...options });
}

/** The problems loading YAML throws, as `loadStack` prints them; fails the test if it loads. */
export function problemsOf(yaml: string, options: Partial<LoadOptions> = {}): string[] {
  try {
    load(yaml, options);
  } catch (error) {
    if (error instanceof SpecError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the stack to be refused, but it loaded');
}

/** The spec of one service (`web` unless said) of a stack that loads. */
export function serviceOf(yaml: string, shortName = 'web', options: Partial<LoadOptions> = {}): ServiceSpec {
  const service = load(yaml, options).services.find((s) => s.shortName === shortName);
  if (!service) throw new Error(`no service ${shortName}`);
  return service.spec;
}

/** Indents a YAML block written flush left inside a template literal. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
