/**
 * Running CNI plugins the way the CNI spec says: the plugin binary from the
 * plugin path, CNI_* variables in its environment, its configuration on
 * stdin, its result (or error) on stdout.
 */
import { runDirect, type RunProgram } from '@berth/process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CniError } from '../errors';
import { pluginInput, type PluginConfig } from './config';

/** Debian's containernetworking-plugins put them here. */
export const DEFAULT_PLUGIN_DIRS = ['/usr/lib/cni', '/opt/cni/bin'];

export interface CniTarget {
  containerId: string;
  /** Path of the network namespace, e.g. /run/netns/berth-0123456789ab. */
  netns: string;
  ifname: string;
}

export class CniRunner {
  constructor(
    private readonly pluginDirs: readonly string[] = DEFAULT_PLUGIN_DIRS,
    private readonly run: RunProgram = runDirect,
  ) {}

  private binary(type: string): string {
    for (const dir of this.pluginDirs) {
      const file = path.join(dir, type);
      if (fs.existsSync(file)) return file;
    }
    throw new CniError(
      type,
      'find',
      0,
      `no "${type}" plugin in ${this.pluginDirs.join(' or ')}; install Debian's containernetworking-plugins`,
    );
  }

  async invoke(
    command: 'ADD' | 'DEL' | 'CHECK',
    networkName: string,
    plugin: PluginConfig,
    target: CniTarget,
    prevResult: unknown,
  ): Promise<unknown> {
    const { code, stdout, stderr } = await this.run([this.binary(plugin.type)], {
      env: {
        PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
        CNI_COMMAND: command,
        CNI_CONTAINERID: target.containerId,
        CNI_NETNS: target.netns,
        CNI_IFNAME: target.ifname,
        CNI_PATH: this.pluginDirs.join(':'),
      },
      input: JSON.stringify(pluginInput(networkName, plugin, prevResult)),
    });
    if (code === 0) return stdout.trim() ? JSON.parse(stdout) : null;
    let reason = stderr.trim() || `exited ${code}`;
    let errorCode = 0;
    try {
      const parsed = JSON.parse(stdout) as { code?: number; msg?: string; details?: string };
      reason = [parsed.msg, parsed.details].filter(Boolean).join(': ') || reason;
      errorCode = parsed.code ?? 0;
    } catch {
      // not a CNI error document
    }
    throw new CniError(plugin.type, command, errorCode, reason);
  }

  /** ADD each plugin in turn, each given the previous one's result; the last result is the attachment's. */
  async add(networkName: string, plugins: readonly PluginConfig[], target: CniTarget): Promise<unknown> {
    let result: unknown = null;
    for (const plugin of plugins)
      result = (await this.invoke('ADD', networkName, plugin, target, result)) ?? result;
    return result;
  }

  /** DEL in reverse order, every plugin even if one fails; the first failure is reported. */
  async del(
    networkName: string,
    plugins: readonly PluginConfig[],
    target: CniTarget,
    prevResult: unknown,
  ): Promise<void> {
    let first: unknown = null;
    for (const plugin of [...plugins].reverse()) {
      try {
        await this.invoke('DEL', networkName, plugin, target, prevResult);
      } catch (error) {
        first ??= error;
      }
    }
    if (first) throw first;
  }
}
