import type { Campaign, Election } from 'etcd3';
import type { Store } from './store';

/**
 * One leader among the managers (DESIGN.md: any manager serves the API, the leader runs the
 * loops). Backed by an etcd lease: a leader that dies loses leadership when its lease expires.
 */
export class LeaderElection {
  private campaign: Campaign | null = null;
  private readonly election: Election;

  constructor(store: Store, name: string, ttlSeconds = 3) {
    this.election = store.client.election(`${store.layout.root}election/${name}`, ttlSeconds);
  }

  /** Resolves when this process is the leader; `onLost` runs if it stops being one. */
  async lead(candidate: string, onLost: (error: Error) => void): Promise<void> {
    const campaign = this.election.campaign(candidate);
    this.campaign = campaign;
    campaign.on('error', onLost);
    await campaign.wait();
  }

  leader(): Promise<string | undefined> {
    return this.election.leader();
  }

  async resign(): Promise<void> {
    await this.campaign?.resign().catch(() => undefined);
    this.campaign = null;
  }
}
