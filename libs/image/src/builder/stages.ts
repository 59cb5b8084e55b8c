/** Which stages of a Dockerfile a build runs: the target, and those it reaches. */
import { processWord } from './dockerfile/words';
import { BuildError } from './source-tree';
import type { Stage } from './build-state';

/** The stage named or numbered TARGET; the last without one. */
export function targetStage(stages: Stage[], target: string | undefined): Stage {
  if (target === undefined) return stages[stages.length - 1];
  const found = stages.find((s) => s.name === target.toLowerCase() || String(s.index) === target);
  if (!found)
    throw new BuildError(
      `target stage "${target}" could not be found (stages: ${stages.map((s) => s.name ?? s.index).join(', ')})`,
    );
  return found;
}

/** The target and the stages it reaches through FROM and COPY --from, in file order. */
export function neededStages(
  stages: Stage[],
  target: Stage,
  escape: string,
  globals: Map<string, string>,
): Stage[] {
  const byRef = (ref: string) => stages.find((s) => s.name === ref.toLowerCase() || String(s.index) === ref);
  const needed = new Set<number>();
  const visit = (stage: Stage) => {
    if (needed.has(stage.index)) return;
    needed.add(stage.index);
    const base = byRef(processWord(stage.from.image, (n) => globals.get(n), escape));
    if (base && base.index < stage.index) visit(base);
    for (const ins of stage.body)
      if ((ins.kind === 'COPY' || ins.kind === 'ADD') && ins.flags.from) {
        const dep = byRef(ins.flags.from);
        if (dep && dep.index < stage.index) visit(dep);
      }
  };
  visit(target);
  return stages.filter((s) => needed.has(s.index));
}
