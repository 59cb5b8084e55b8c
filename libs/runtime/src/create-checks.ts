/** What a create is checked against: the spec's own rules, the bundle's config.json, the host, the log choice. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidSpecError, type SpecProblem } from './errors';
import { overlayFromAnnotations } from './oci/annotations';
import type { OciSpec } from './oci/spec';
import { validateSpec } from './oci/validate';
import { hostIdOf } from './oci/validate-userns';
import { hasNewUserNamespace } from './plan/userns';
import { rootfsPath } from './plan/compile';
import { isBindMount } from './plan/mount-options';
import type { CreateOptions } from './runtime-types';

/** The spec to create from (OPTIONS' own, else the bundle's config.json), once nothing is wrong with it. */
export function checkedCreateSpec(options: CreateOptions): OciSpec {
  const spec = options.spec ?? readBundleSpec(options.bundle);
  const problems = [...validateSpec(spec), ...hostProblems(spec, options.bundle)];
  problems.push(...terminalProblems(spec, options));
  if (problems.length) throw new InvalidSpecError(problems);
  return spec;
}

/** As runc: a terminal needs somewhere to go, and a console socket needs a terminal. */
function terminalProblems(spec: OciSpec, options: CreateOptions): SpecProblem[] {
  const terminal = spec.process?.terminal === true;
  if (options.consoleSocket && !terminal)
    return [
      {
        path: 'process.terminal',
        message:
          'is false, so there is no terminal to send to --console-socket; set it to true or drop the flag',
      },
    ];
  if (terminal && options.log === 'inherit' && !options.consoleSocket && !options.foreground)
    return [
      {
        path: 'process.terminal',
        message:
          'is true but the container outlives this command: pass --console-socket to receive the terminal, or set it to false',
      },
    ];
  return [];
}

function readBundleSpec(bundle: string): OciSpec {
  const file = path.join(bundle, 'config.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidSpecError([{ path: file, message: `cannot read: ${(error as Error).message}` }]);
  }
  try {
    return JSON.parse(text) as OciSpec;
  } catch (error) {
    throw new InvalidSpecError([{ path: file, message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

/** What the spec needs from the machine: a rootfs, overlay layers and bind sources that exist. */
function hostProblems(spec: OciSpec, bundle: string): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (!spec.root?.path) return problems;
  const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const rootfs = rootfsPath(spec, bundle);
  if (!isDir(rootfs))
    problems.push({ path: 'root.path', message: `rootfs ${rootfs} does not exist or is not a directory` });
  else problems.push(...rootfsSearchProblems(spec, rootfs));
  const overlay = overlayFromAnnotations(spec.annotations);
  for (const [i, lower] of (overlay?.lowerDirs ?? []).entries())
    if (!isDir(lower))
      problems.push({ path: `annotations (lower dir ${i})`, message: `layer ${lower} does not exist` });
  (spec.mounts ?? []).forEach((m, i) => {
    if (isBindMount(m.type, m.options) && !fs.existsSync(path.resolve(bundle, m.source ?? '')))
      problems.push({ path: `mounts[${i}].source`, message: `bind source ${m.source} does not exist` });
  });
  return problems;
}

/**
 * In a user namespace the container's root is an ordinary host id: every
 * directory above the rootfs must let it pass (the init binds the rootfs as it).
 */
function rootfsSearchProblems(spec: OciSpec, rootfs: string): SpecProblem[] {
  if (!hasNewUserNamespace(spec)) return [];
  const uid = hostIdOf(spec.linux?.uidMappings ?? [], 0);
  const gid = hostIdOf(spec.linux?.gidMappings ?? [], 0);
  for (let dir = path.dirname(rootfs); ; dir = path.dirname(dir)) {
    const st = fs.statSync(dir, { throwIfNoEntry: false });
    const bit = st?.uid === uid ? 0o100 : st?.gid === gid ? 0o010 : 0o001;
    if (st && !(st.mode & bit))
      return [
        {
          path: 'root.path',
          message: `${dir} (mode ${(st.mode & 0o777).toString(8)}) cannot be searched by the container's root, host uid ${uid ?? 'unmapped'}: give others x (chmod o+x) or own it by that id`,
        },
      ];
    if (dir === '/') return [];
  }
}
