/** A place in a stack file: 1-based line and column, as editors count them. */
export interface Origin {
  file: string;
  line: number;
  column: number;
}

/** One thing wrong with a stack: where it is, which key, and what is wrong. */
export interface Problem extends Origin {
  /** dotted key path, e.g. `services.web.deploy.replicas` (list items as `ports[0]`) */
  path: string;
  message: string;
}

/** `stack.yml:14:7 services.web.deploy.replicas: expected an integer, got 'three'` */
export function formatProblem(problem: Problem): string {
  const what = problem.path ? `${problem.path}: ${problem.message}` : problem.message;
  // a problem with the options rather than a file has no place
  return problem.file ? `${problem.file}:${problem.line}:${problem.column} ${what}` : what;
}

/** Every problem found in a stack, thrown together: nothing is deployed from a stack with one. */
export class SpecError extends Error {
  readonly problems: Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'SpecError';
    this.problems = [...problems];
  }
}

/**
 * Problems in reading order: files in the order given (`fileOrder`; others after them, by name),
 * then line, then column. Exact duplicates (the same message at the same place) are dropped.
 */
export function sortProblems(problems: readonly Problem[], fileOrder: readonly string[]): Problem[] {
  const rank = (file: string) => {
    const index = fileOrder.indexOf(file);
    return index < 0 ? fileOrder.length : index;
  };
  const seen = new Set<string>();
  return [...problems]
    .sort(
      (a, b) =>
        rank(a.file) - rank(b.file) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    )
    .filter((p) => {
      const key = formatProblem(p);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
