/**
 * Writes berth-runtime's compiled run plans (the decisions are in plan/run-plan.ts): what the
 * runtime would do to run a bundle with the caller's stdio, for the shim to do again without Node.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CgroupDriver } from './cgroups';
import { normaliseCgroupPath } from './cgroups/layout';
import { checkedCreateSpec } from './create-checks';
import { hookStateBase } from './hooks';
import { compileCreate, deviceRules, rootfsPath } from './plan/compile';
import {
  cgroupMounts,
  encodeRunPlan,
  ID_MARK,
  RUN_PLANS_DIR,
  runPlanName,
  unplannable,
} from './plan/run-plan';
import type { OciSpec } from './oci/spec';
import type { StoredState } from './state/files';

export interface RunPlanHost {
  stateRoot: string;
  /** The cgroup parent as normalised by the runtime, and as given on the command line (the plan's key). */
  cgroupParent: string;
  cgroupParentArg: string;
  cgroups: CgroupDriver;
  cgroupNamespaces: boolean;
  shimPath: string;
}

/** Leave the plan for BUNDLE; the reason it cannot be planned, or null once written. */
export function recordRunPlan(host: RunPlanHost, bundleArg: string): string | null {
  const bundle = path.resolve(bundleArg);
  const configText = fs.readFileSync(path.join(bundle, 'config.json'), 'utf8');
  const spec = checkedCreateSpec({ bundle, spec: JSON.parse(configText) as OciSpec, log: 'inherit' });
  const cgroupPath = spec.linux?.cgroupsPath
    ? normaliseCgroupPath(spec.linux.cgroupsPath)
    : `${host.cgroupParent}/${ID_MARK}`;
  const stateDir = path.join(host.stateRoot, ID_MARK);
  const rootfs = rootfsPath(spec, bundle);
  const state: StoredState = { id: ID_MARK, bundle, rootfs, createdAt: '', cgroupPath, spec };
  const why = unplannable(configText, state);
  if (why) return why;
  const instructions = compileCreate(spec, {
    stateDir,
    bundle,
    log: null,
    autostart: true,
    cgroupPath,
    cgroupLayout: host.cgroups.layout,
    cgroupProcsFiles: host.cgroups.procsFiles(cgroupPath),
    cgroupNamespaces: host.cgroupNamespaces,
    hookState: hookStateBase(state),
  });
  const cgroups = host.cgroups.plan(cgroupPath, spec.linux?.resources, deviceRules(spec));
  // which of a kernel's optional files takes the value is seen once the cgroup exists: Node's to do
  if (cgroups.writes.some((w) => w.alternatives?.length || w.missing))
    return 'block I/O weights and io.max are matched to the kernel’s files by Node';
  // the code that decided: the shim, and every module of this library loaded now
  const sources = [
    host.shimPath,
    ...Object.keys(require.cache).filter((f) => f.startsWith(path.dirname(__filename))),
  ];
  const stamps = sources.map((file) => ({ file, mtimeNs: fs.statSync(file, { bigint: true }).mtimeNs }));
  const plan = encodeRunPlan({
    configText,
    bundle: fs.realpathSync(bundle),
    cgroupParent: host.cgroupParentArg,
    fingerprint: cgroupMounts(fs.readFileSync('/proc/self/mountinfo', 'utf8')),
    stamps,
    stateDir,
    rootfs,
    cgroups,
    state,
    instructions,
  });
  const dir = path.join(host.stateRoot, RUN_PLANS_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, runPlanName(fs.realpathSync(bundle), host.cgroupParentArg));
  fs.writeFileSync(`${file}.tmp`, plan, { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
  return null;
}
