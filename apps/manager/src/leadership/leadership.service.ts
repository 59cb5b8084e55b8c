import * as os from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { LeaderElection } from '@berth/store';
import { MANAGER_CONFIG } from '../tokens';
import type { ManagerConfig } from '../config';
import { DispatcherService } from '../dispatcher/dispatcher.service';
import { ReconcileLoop } from '../loops/reconcile.loop';
import { RolloutsService } from '../rollouts/rollouts.service';
import { StateService } from '../state/state.service';

/**
 * Any manager serves the API; the one elected through etcd runs the loops, the rollouts and the dispatcher
 * (DESIGN.md: manager). A manager that loses leadership exits, so a supervisor restarts it clean.
 */
@Injectable()
export class LeadershipService {
  private readonly log = new Logger('leadership');
  private election: LeaderElection | null = null;
  private leading = false;

  constructor(
    @Inject(MANAGER_CONFIG) private readonly config: ManagerConfig,
    private readonly state: StateService,
    private readonly dispatcher: DispatcherService,
    private readonly loop: ReconcileLoop,
    private readonly rollouts: RolloutsService,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    if (this.election) return;
    this.election = new LeaderElection(
      this.state.store,
      'managers',
      Math.max(1, Math.ceil(this.config.heartbeatGraceMs / 1000)),
    );
    const me = `${os.hostname()}:${process.pid}@${this.config.advertiseAddr}`;
    this.election
      .lead(me, (error) => {
        this.log.error(`lost leadership: ${error.message}; exiting`);
        process.exit(1);
      })
      .then(() => {
        this.leading = true;
        this.log.log('elected leader: running the dispatcher and the control loops');
        this.dispatcher.start();
        this.loop.start();
        void this.rollouts.start().catch((error: Error) => this.log.error(`rollouts: ${error.message}`));
      })
      .catch((error: Error) => this.log.error(`election failed: ${error.message}`));
  }

  async stop(): Promise<void> {
    if (this.leading) {
      await this.rollouts.stop();
      await this.loop.stop();
      await this.dispatcher.stop();
    }
    this.leading = false;
    await this.election?.resign();
  }
}
