import { Injectable, Logger } from '@nestjs/common';
import { StateService } from './state.service';

/** How often the leader compacts etcd, and how much history it keeps: kube-apiserver's 5 minutes. */
export const COMPACT_EVERY_MS = 5 * 60_000;

/**
 * The leader's compaction of etcd's history. etcd keeps every version of every key until told
 * otherwise: each status a task reports is a version, so a busy cluster's database grows to
 * etcd's quota (2 GiB by default) and refuses writes. Every period the leader compacts to the
 * revision it had seen one period before, so a watch that lags by less than that goes on; one
 * that lags more (a manager cut off for minutes) is told so by etcd and reloads its state.
 */
@Injectable()
export class CompactionService {
  private readonly log = new Logger('compaction');
  private timer: NodeJS.Timeout | null = null;
  private previousRevision = 0;

  constructor(private readonly state: StateService) {}

  start(): void {
    if (this.timer) return;
    this.previousRevision = this.state.cache.revision;
    this.timer = setInterval(() => void this.compact(), COMPACT_EVERY_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async compact(): Promise<void> {
    const target = this.previousRevision;
    this.previousRevision = this.state.cache.revision;
    if (target <= 1) return;
    try {
      await this.state.store.compact(target);
      this.log.debug(`compacted etcd's history below revision ${target}`);
    } catch (error) {
      // another leader's compaction got there first: nothing lost
      if (/compacted/.test((error as Error).message)) return;
      this.log.warn(`compacting etcd's history below revision ${target}: ${(error as Error).message}`);
    }
  }
}
