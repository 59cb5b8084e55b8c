/**
 * berth-runtime's compiled run plans. Node's start-up alone takes several times what `crun run`
 * takes for a whole container, so the command line's `run` cannot afford to start Node each time.
 * When Node has run a bundle once, it leaves here everything it decided for that bundle on this
 * machine: the cgroup it makes, the state it records, the shim's instructions. The next
 * `berth-runtime run` of the same bundle, config.json byte for byte, is carried out by the shim
 * (`berth-shim runtime`, native/src/runplan.c) from the plan, without Node; anything else
 * (another config, another cgroup layout, a rebuilt Berth, flags the shim does not know) goes to
 * Node, which compiles again. Pure: the runtime gathers the inputs and writes the file.
 *
 * The container's id, its creation time and its monitor's pid are not known when the plan is
 * made; they stand as placeholders the shim fills in: ID_MARK in paths and instructions, and in
 * the state JSON the escaped forms JSON.stringify gives those characters.
 */
import type { CgroupPlan } from '../cgroups/driver';
import type { StoredState } from '../state/files';
import type { Instruction } from './instructions';

export const RUN_PLAN_MAGIC = 'berth-run-plan-1';
/** Where the container's id goes in paths and instructions. */
export const ID_MARK = '\u0001';
const CREATED_MARK = '\u0002';
const SHIM_PID_MARK = '\u0003';
/** The directory under the state root that holds the plans. */
export const RUN_PLANS_DIR = '.plans';

export interface RunPlanInputs {
  /** config.json exactly as read: the shim compares it byte for byte. */
  configText: string;
  bundle: string;
  cgroupParent: string;
  /** The cgroup mounts the decisions depend on (see cgroupMounts): a plan is used only while they hold. */
  fingerprint: string;
  /** The files whose code made the decisions (the shim, the runtime's modules) and their mtimes in ns: a rebuild compiles again. */
  stamps: { file: string; mtimeNs: bigint }[];
  /** The directory the container's state goes to, with ID_MARK for the id. */
  stateDir: string;
  rootfs: string;
  cgroups: CgroupPlan;
  /** The state the runtime records, with ID_MARK for the id wherever it appears. */
  state: StoredState;
  instructions: readonly Instruction[];
}

/** The cgroup lines of /proc/self/mountinfo, each ended by a newline, as the shim reads them too. */
export function cgroupMounts(mountinfo: string): string {
  return mountinfo
    .split('\n')
    .filter((line) => line.includes(' - cgroup ') || line.includes(' - cgroup2 '))
    .map((line) => `${line}\n`)
    .join('');
}

/** The plan file's name for a bundle: FNV-1a (32 bits) of the bundle path and the cgroup parent. */
export function runPlanName(bundle: string, cgroupParent: string): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(`${bundle}\0${cgroupParent}`))
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** Why a spec's runs cannot be planned (the shim would have to decide something), or null. */
export function unplannable(configText: string, state: StoredState): string | null {
  const marks = [0, 1, 2, 3].flatMap((c) => [String.fromCharCode(c), `\\u000${c}`]);
  if (marks.some((mark) => configText.includes(mark))) return 'config.json holds the placeholder characters';
  if (state.spec.process?.terminal) return 'a terminal is relayed by Node';
  const hooks = (state.spec as { hooks?: Record<string, unknown[] | undefined> }).hooks ?? {};
  if (Object.values(hooks).some((list) => list?.length)) return 'hooks are run by Node';
  // on cgroup v2 the runtime hands the cgroup to the container's root once it is made
  if (state.spec.linux?.namespaces?.some((ns) => ns.type === 'user')) return 'a user namespace';
  // its mounts are in the host's table, and Node takes them off at delete
  if (!state.spec.linux?.namespaces?.some((ns) => ns.type === 'mount')) return 'no mount namespace';
  return null;
}

/**
 * The plan as NUL-terminated tokens: a header (magic, bundle, cgroup parent, fingerprint,
 * config.json), then steps the shim takes in order, each an op and a fixed number of arguments.
 */
export function encodeRunPlan(p: RunPlanInputs): Buffer {
  const tokens: string[] = [RUN_PLAN_MAGIC, p.bundle, p.cgroupParent, p.fingerprint, p.configText];
  const step = (...args: string[]) => tokens.push(...args);
  for (const stamp of p.stamps) step('stamp', stamp.file, String(stamp.mtimeNs));
  step('need-dir', p.rootfs, `rootfs ${p.rootfs} does not exist or is not a directory`);
  step('state-dir', p.stateDir);
  for (const dir of p.cgroups.dirs) step('cgroup-dir', dir);
  for (const w of p.cgroups.writes) step('cgroup-write', w.file, w.value, w.specPath);
  step('state', stateTemplate(p.state));
  const flat = p.instructions.flat();
  step('instructions', String(flat.length), ...flat);
  step('end');
  for (const token of tokens)
    if (token.includes('\0')) throw new Error(`run plan: a token holds a NUL byte (${token.slice(0, 40)})`);
  return Buffer.from(tokens.map((t) => `${t}\0`).join(''), 'utf8');
}

/** The first state.json generation, as the runtime writes it, with the marks the shim fills in. */
function stateTemplate(state: StoredState): string {
  // the shim writes the time in place of \u0002, and the monitor's pid (a number) in place of "\u0003" with its quotes
  return JSON.stringify({
    generation: 1,
    value: { ...state, createdAt: CREATED_MARK, shimPid: SHIM_PID_MARK },
  });
}
