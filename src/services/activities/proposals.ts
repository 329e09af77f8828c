import type { Clock } from '../../domain/shared/clock';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import type { Group } from '../../domain/groups';
import { toUtcIso } from '../../domain/shared/schedule';
import {
  ActivityError,
  countMayNotSuit,
  ideaById,
  parseTypedTimes,
  proposalId,
  proposalInputSchema,
  proposalLimits,
  defaultActivitySettings,
  type ActivitySettings,
  type Demands,
  type Proposal,
  type VoteRound,
  waitingProposals,
} from '../../domain/activities';
import type { GroupRepository } from '../groups';
import type { UserRepository } from '../people';
import { memberOf, participantIds } from './access';
import type { ActivityStore } from './ports';
import type { RoundService } from './rounds';

/** A proposal as a person writes it: the suggested times still as typed. */
export interface ProposalDraft {
  title: string;
  description?: string;
  when?: string;
  place?: string;
  cost?: string;
  demands: Demands;
  ideaId?: string;
}

export interface SavedProposal {
  proposal: Proposal;
  /** How many participants it may not suit: a number for the proposer, never who. */
  mayNotSuit: number;
  /** The round that the group's setting opened because of this proposal. */
  openedRound?: VoteRound;
}

export interface ActivityOverview {
  group: Group;
  role: 'leader' | 'participant';
  /** Open proposals that no round has taken yet. */
  waiting: Proposal[];
  /** The open round, if any, else the latest closed one. */
  latestRound?: VoteRound;
  settings: ActivitySettings;
  /** Ideas the group has already turned into a meeting. */
  doneIdeaIds: string[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Any member proposes; only the author edits or withdraws, and only until a round includes the proposal. */
export class ProposalService {
  constructor(
    private readonly deps: { groups: GroupRepository; users: UserRepository; store: ActivityStore },
    private readonly rounds: RoundService,
    private readonly clock: Clock,
  ) {}

  /** Suggested times as typed, read in the group's zone; each must be in the future. */
  readTimes(group: Group, typed: string): string[] {
    const parsed = parseTypedTimes(typed, group.timeZone, this.clock.now(), proposalLimits.times);
    if (parsed.ok) return parsed.instants;
    throw new ActivityError(parsed.reason === 'past' ? 'TIME_IN_PAST' : parsed.reason === 'too_many' ? 'TOO_MANY_TIMES' : 'TIME_UNREADABLE');
  }

  async group(actorId: string, groupId: string) {
    return memberOf(this.deps.groups, actorId, groupId);
  }

  private input(group: Group, draft: ProposalDraft) {
    if (draft.ideaId !== undefined && !ideaById(draft.ideaId)) throw new ActivityError('IDEA_NOT_FOUND');
    const parsed = proposalInputSchema.safeParse({ ...draft, times: this.readTimes(group, draft.when ?? '') });
    if (!parsed.success) throw new DomainError('INVALID_INPUT');
    return parsed.data;
  }

  /** `requestId` (a UUID the form carries) makes a repeated submit return the first proposal. */
  async propose(actorId: string, groupId: string, draft: ProposalDraft, requestId: string): Promise<SavedProposal> {
    const { group } = await memberOf(this.deps.groups, actorId, groupId);
    if (!uuidPattern.test(requestId)) throw new DomainError('INVALID_INPUT');
    const input = this.input(group, draft);
    const at = toUtcIso(this.clock.now());
    let proposal: Proposal;
    try {
      proposal = await this.deps.store.createProposal({ ...input, type: 'proposal', id: proposalId(requestId), groupId, authorId: actorId, status: 'open', createdAt: at, updatedAt: at });
    } catch (e) {
      if (!isDomainError(e, 'CONFLICT')) throw e;
      const existing = await this.deps.store.getProposal(groupId, proposalId(requestId));
      if (!existing || existing.authorId !== actorId) throw e;
      return { proposal: existing, mayNotSuit: await this.mayNotSuit(group, existing.demands) };
    }
    const openedRound = await this.rounds.openIfEnough(group);
    return { proposal, mayNotSuit: await this.mayNotSuit(group, proposal.demands), ...(openedRound ? { openedRound } : {}) };
  }

  /** The author's own proposal that may still change. */
  async editable(actorId: string, groupId: string, id: string): Promise<{ group: Group; proposal: Proposal }> {
    const { group } = await memberOf(this.deps.groups, actorId, groupId);
    const proposal = await this.deps.store.getProposal(groupId, id);
    if (!proposal || proposal.status !== 'open') throw new ActivityError('PROPOSAL_NOT_FOUND');
    if (proposal.authorId !== actorId) throw new ActivityError('NOT_AUTHOR');
    const rounds = await this.deps.store.listRounds(groupId);
    if (rounds.some((r) => r.proposalIds.includes(id))) throw new ActivityError('PROPOSAL_LOCKED');
    return { group, proposal };
  }

  /**
   * The author's change, IfMatch on the proposal as checked: a round that took it meanwhile marked it (in the
   * same batch as the round), so the write fails and the check, made again, says it is locked.
   */
  private async change(actorId: string, groupId: string, id: string, changed: (group: Group, proposal: Proposal) => Proposal): Promise<{ group: Group; proposal: Proposal }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { group, proposal } = await this.editable(actorId, groupId, id);
      try {
        return { group, proposal: await this.deps.store.replaceProposal(changed(group, proposal)) };
      } catch (e) {
        if (!isDomainError(e, 'CONFLICT')) throw e;
      }
    }
    throw new DomainError('CONFLICT');
  }

  async edit(actorId: string, groupId: string, id: string, draft: ProposalDraft): Promise<SavedProposal> {
    const at = toUtcIso(this.clock.now());
    const { group, proposal } = await this.change(actorId, groupId, id, (g, p) => ({ ...p, ...this.input(g, { ...draft, ideaId: p.ideaId }), updatedAt: at }));
    return { proposal, mayNotSuit: await this.mayNotSuit(group, proposal.demands) };
  }

  async withdraw(actorId: string, groupId: string, id: string): Promise<Proposal> {
    const at = toUtcIso(this.clock.now());
    return (await this.change(actorId, groupId, id, (_g, p) => ({ ...p, status: 'withdrawn', updatedAt: at }))).proposal;
  }

  /** How many participants (other than the proposer) an activity with these demands may not suit. */
  async mayNotSuit(group: Group, demands: Demands): Promise<number> {
    const limits = await Promise.all(participantIds(group).map(async (p) => (await this.deps.users.get(p))?.limits));
    return countMayNotSuit(demands, limits);
  }

  async overview(actorId: string, groupId: string): Promise<ActivityOverview> {
    const { group, role } = await memberOf(this.deps.groups, actorId, groupId);
    const [proposals, rounds, settings] = await Promise.all([
      this.deps.store.listProposals(groupId),
      this.deps.store.listRounds(groupId),
      this.deps.store.getSettings(groupId),
    ]);
    const doneIdeaIds = rounds
      .filter((r) => r.scheduledMeetingId)
      .map((r) => r.entries.find((e) => e.proposalId === r.winnerId)?.ideaId)
      .filter((id): id is string => !!id);
    return {
      group,
      role,
      waiting: waitingProposals(proposals, rounds),
      latestRound: rounds.find((r) => r.status === 'open') ?? rounds.at(-1),
      settings: settings ?? defaultActivitySettings(groupId, toUtcIso(this.clock.now())),
      doneIdeaIds: [...new Set(doneIdeaIds)],
    };
  }

  /** Leader: open a round by itself at this many proposals (undefined = never). */
  async setAutoOpen(actorId: string, groupId: string, autoOpenAt: number | undefined): Promise<VoteRound | undefined> {
    const { group, role } = await memberOf(this.deps.groups, actorId, groupId);
    if (role !== 'leader') throw new DomainError('NOT_GROUP_LEADER');
    if (autoOpenAt !== undefined && (!Number.isInteger(autoOpenAt) || autoOpenAt < 2 || autoOpenAt > 10)) throw new DomainError('INVALID_INPUT');
    const current = (await this.deps.store.getSettings(groupId)) ?? defaultActivitySettings(groupId, toUtcIso(this.clock.now()));
    const { autoOpenAt: _old, ...rest } = current;
    await this.deps.store.saveSettings({ ...rest, ...(autoOpenAt ? { autoOpenAt } : {}), updatedAt: toUtcIso(this.clock.now()) });
    return this.rounds.openIfEnough(group);
  }
}
