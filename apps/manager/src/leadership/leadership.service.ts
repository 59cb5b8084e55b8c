import * as os from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { LeaderElection } from '@berth/store';
import { MANAGER_CONFIG } from '../tokens';
import type { ManagerConfig } from '../config';
import { NodeLivenessService } from '../dispatcher/node-liveness.service';
import { ReconcileLoop } from '../loops/reconcile.loop';
import { CompactionService } from '../state/compaction.service';
import { ManagerMetrics } from '../metrics/manager-metrics';
import { RolloutsService } from '../rollouts/rollouts.service';
import { StateService } from '../state/state.service';

/**
 * The leader's etcd lease: a dead leader is replaced this long after its last keep-alive at most
 * (the floor of a failover, bench:failover). Shorter costs nothing here: a leader that loses its
 * lease in an etcd hiccup steps down and stands again, and its successor gives nodes a fresh grace.
 */
const LEADER_LEASE_SECONDS = 2;

/** how long a manager that could not stand for leader (etcd away) waits before it tries again */
const STAND_AGAIN_MS = 1000;

/**
 * Any manager serves the API and agents' sessions; the one elected through etcd runs the loops,
 * the rollouts and the nodes' liveness (DESIGN.md: manager). Leadership is a term, not a life: a manager that loses it (its
 * lease expired while etcd was away) steps down, stops its leader's work, and stands again, so an
 * etcd outage is waited out and never needs a person to restart anything (DESIGN.md decision 8).
 */
@Injectable()
export class LeadershipService {
  private readonly log = new Logger('leadership');
  private election: LeaderElection | null = null;
  private leading = false;
  private running = false;
  /** ends the wait of a term (or of a pause between tries) when the manager stops */
  private interrupt: (() => void) | null = null;
  private serving: Promise<void> | null = null;

  constructor(
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
    private readonly state: StateService,
    private readonly liveness: NodeLivenessService,
    private readonly loop: ReconcileLoop,
    private readonly compaction: CompactionService,
    private readonly rollouts: RolloutsService,
    private readonly metrics: ManagerMetrics,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  /** The address the leader serves at, as the election says; null when none leads (or this manager does not serve). */
  async leaderAddr(): Promise<string | null> {
    const leader = await this.election?.leader().catch(() => undefined);
    return leader ? leaderAddress(leader) : null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.election = new LeaderElection(this.state.store, 'managers', LEADER_LEASE_SECONDS);
    this.serving = this.serve();
  }

  /** Stands for leader, leads while elected, steps down when the term ends; again, until stopped. */
  private async serve(): Promise<void> {
    const me = candidateName(os.hostname(), process.pid, this.config.advertiseAddr);
    while (this.running) {
      let lost!: (error: Error) => void;
      const termEnded = new Promise<Error>((resolve) => (lost = resolve));
      const stopped = new Promise<Error>((resolve) => (this.interrupt = () => resolve(new Error('stopped'))));
      try {
        const elected = this.election!.lead(me, (error) => lost(error)).then(() => null);
        const ended = await Promise.race([elected, termEnded, stopped]);
        if (ended) throw ended;
        this.leading = true;
        this.metrics.leadershipChanges.inc();
        this.log.log('elected leader: running the control loops and watching the nodes');
        this.liveness.start();
        this.loop.start();
        this.compaction.start();
        void this.rollouts.start().catch((error: Error) => this.log.error(`rollouts: ${error.message}`));
        const why = await Promise.race([termEnded, stopped]);
        if (this.running) this.log.warn(`lost leadership (${why.message}): stepping down; standing again`);
      } catch (error) {
        if (this.running)
          this.log.warn(`cannot stand for leader (${(error as Error).message}); trying again shortly`);
      }
      await this.stepDown();
      await this.election!.resign();
      if (this.running) await Promise.race([sleep(STAND_AGAIN_MS), stopped]);
    }
  }

  private async stepDown(): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    this.metrics.leadershipChanges.inc();
    await this.rollouts.stop().catch((error: Error) => this.log.warn(`stopping rollouts: ${error.message}`));
    await this.loop.stop();
    this.liveness.stop();
    this.compaction.stop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.interrupt?.();
    await this.serving;
  }
}

/** What a manager stands as in the election: readable in etcd, and its address after the `@`. */
export const candidateName = (hostname: string, pid: number, addr: string): string =>
  `${hostname}:${pid}@${addr}`;

export const leaderAddress = (candidate: string): string => candidate.slice(candidate.lastIndexOf('@') + 1);

const sleep = (ms: number) =>
  new Promise<Error>((resolve) => setTimeout(() => resolve(new Error('slept')), ms));
