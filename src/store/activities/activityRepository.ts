import {
  activitySettingsSchema,
  proposalSchema,
  voteRoundSchema,
  voteSchema,
  type ActivitySettings,
  type Proposal,
  type Vote,
  type VoteRound,
} from '../../domain/activities';
import type { ActivityStore } from '../../services/activities';
import type { Containers } from '../shared/cosmosClient';
import { writeTogether } from '../shared/batch';
import { Documents } from '../shared/documents';

/*
 * Proposals, rounds, votes and the group's activity settings: all in the group's partition of `groups`.
 * Queries name the partition in the WHERE clause too, because the embedded server ignores a query's partition key.
 */
const ofType = (type: string, groupId: string, extra = '', parameters: Array<{ name: string; value: string }> = []) => ({
  query: `SELECT * FROM c WHERE c.groupId = @groupId AND c.type = @type${extra}`,
  parameters: [{ name: '@groupId', value: groupId }, { name: '@type', value: type }, ...parameters],
});

export class CosmosActivityRepository implements ActivityStore {
  private readonly proposals: Documents<typeof proposalSchema>;
  private readonly rounds: Documents<typeof voteRoundSchema>;
  private readonly votes: Documents<typeof voteSchema>;
  private readonly settings: Documents<typeof activitySettingsSchema>;

  constructor(containers: Containers) {
    this.proposals = new Documents(containers.groups, proposalSchema);
    this.rounds = new Documents(containers.groups, voteRoundSchema);
    this.votes = new Documents(containers.groups, voteSchema);
    this.settings = new Documents(containers.groups, activitySettingsSchema);
  }

  getProposal(groupId: string, proposalId: string) {
    return this.proposals.read(proposalId, groupId);
  }
  createProposal(proposal: Proposal) {
    return this.proposals.create(proposal);
  }
  replaceProposal(proposal: Proposal) {
    return this.proposals.replace(proposal, proposal.groupId);
  }
  async listProposals(groupId: string) {
    return (await this.proposals.query(ofType('proposal', groupId), groupId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  getRound(groupId: string, roundIdValue: string) {
    return this.rounds.read(roundIdValue, groupId);
  }
  async createRound(round: VoteRound, taken: Proposal[]) {
    const marks = taken.map((p) => this.proposals.replacing({ ...p, roundId: round.id, updatedAt: round.openedAt }, round.groupId));
    // The marks first: on the embedded server a failed batch keeps the writes before the failure (see writeTogether).
    const written = await writeTogether<[...Proposal[], VoteRound]>(round.groupId, ...marks, this.rounds.creating(round, round.groupId));
    return written.at(-1) as VoteRound;
  }
  replaceRound(round: VoteRound) {
    return this.rounds.replace(round, round.groupId);
  }
  async listRounds(groupId: string) {
    return (await this.rounds.query(ofType('voteRound', groupId), groupId)).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  }

  async recordVotes(votes: Vote[], round: VoteRound) {
    const next = { ...round, revision: round.revision + 1, updatedAt: votes[0]?.at ?? round.updatedAt };
    // The round first: it is the write that can fail, and on the embedded server nothing after it is made then.
    const [written] = await writeTogether<[VoteRound, ...Vote[]]>(round.groupId, this.rounds.replacing(next, round.groupId), ...votes.map((v) => this.votes.upserting(v, v.groupId)));
    return written;
  }
  listVotes(groupId: string, roundIdValue: string) {
    return this.votes.query(ofType('vote', groupId, ' AND c.roundId = @roundId', [{ name: '@roundId', value: roundIdValue }]), groupId);
  }

  getSettings(groupId: string) {
    return this.settings.read('activitySettings', groupId);
  }
  saveSettings(settings: ActivitySettings) {
    return settings._etag ? this.settings.replace(settings, settings.groupId) : this.settings.create(settings);
  }
}
