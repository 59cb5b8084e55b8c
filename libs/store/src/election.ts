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

  /** Gives up leadership (or the candidacy); with etcd away, gives up waiting after 2 s: the lease then ends it. */
  async resign(): Promise<void> {
    const campaign = this.campaign;
    this.campaign = null;
    if (!campaign) return;
    campaign.removeAllListeners('error');
    campaign.on('error', () => undefined); // a late failure of a campaign we left
    await Promise.race([
      campaign.resign().catch(() => undefined),
      new Promise((r) => setTimeout(r, 2000).unref()),
    ]);
  }
}
