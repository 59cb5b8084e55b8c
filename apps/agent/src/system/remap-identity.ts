/**
 * The account of --userns-remap on this machine: made when it is `default` and
 * absent (as dockerd makes dockremap: useradd -r, then usermod -v/-w with the
 * first free range), its ranges read from /etc/subuid and /etc/subgid. Also
 * opens the data root's directories for the mapped root to pass through, as
 * dockerd's remapped root does (0711; volumes 0701).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runChecked, type RunProgram } from '@berth/process';
import { ConfigError } from '../config';
import {
  allRanges,
  idmappedLayersSupported,
  nextFreeRange,
  remapAccount,
  remapIdentity,
  subordinateRanges,
  type RemapAccount,
  type RemapIdentity,
} from './userns-remap';

export interface SubordinateFiles {
  subuid: string;
  subgid: string;
}
const ETC: SubordinateFiles = { subuid: '/etc/subuid', subgid: '/etc/subgid' };

const readText = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

/** getent's id for NAME in DATABASE (passwd or group), or null when there is none. */
async function lookupId(run: RunProgram, database: 'passwd' | 'group', name: string): Promise<number | null> {
  const result = await run(['getent', database, name]);
  if (result.code === 2) return null; // getent: no such key
  if (result.code !== 0) throw new ConfigError(`getent ${database} ${name}: ${result.stderr.trim()}`);
  return Number(result.stdout.split(':')[2]);
}

async function ensureAccount(run: RunProgram, account: RemapAccount, files: SubordinateFiles): Promise<void> {
  if ((await lookupId(run, 'passwd', account.user)) === null)
    await runChecked(run, ['useradd', '-r', '-s', '/bin/false', account.user]);
  // usermod writes the files as it writes /etc/passwd: whole, under its lock
  for (const [file, option] of [
    [files.subuid, '-v'],
    [files.subgid, '-w'],
  ] as const) {
    const text = readText(file);
    if (subordinateRanges(text, account.user, null).length) continue;
    const range = nextFreeRange(allRanges(text));
    await runChecked(run, [
      'usermod',
      option,
      `${range.start}-${range.start + range.length - 1}`,
      account.user,
    ]);
  }
}

/** null without --userns-remap; else the mappings every remapped container gets. */
export async function loadRemapIdentity(
  flag: string,
  run: RunProgram,
  files: SubordinateFiles = ETC,
  kernelRelease = os.release(),
): Promise<RemapIdentity | null> {
  if (!flag) return null;
  if (!idmappedLayersSupported(kernelRelease))
    throw new ConfigError(
      `--userns-remap needs Linux 5.19 or later, whose overlayfs takes idmapped layers; this kernel is ${kernelRelease} (Berth makes no chowned copies of layers as dockerd does)`,
    );
  const account = remapAccount(flag);
  if (account.createIfMissing) await ensureAccount(run, account, files);
  const uid = await lookupId(run, 'passwd', account.user);
  if (uid === null) throw new ConfigError(`--userns-remap ${flag}: no user ${account.user} on this machine`);
  const gid = await lookupId(run, 'group', account.group);
  if (gid === null)
    throw new ConfigError(`--userns-remap ${flag}: no group ${account.group} on this machine`);
  return remapIdentity(
    account,
    subordinateRanges(readText(files.subuid), account.user, uid),
    subordinateRanges(readText(files.subgid), account.group, gid),
  );
}

/** The data root's directories that lead to what a remapped container binds: searchable by anyone, listable by root only. */
export function openDataRootForRemap(dataRoot: string): void {
  for (const [dir, mode] of [
    [dataRoot, 0o711],
    [path.join(dataRoot, 'containers'), 0o711],
    [path.join(dataRoot, 'volumes'), 0o701],
  ] as const) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 }); // what the agent makes them with
    fs.chmodSync(dir, fs.statSync(dir).mode | mode);
  }
}
