import type { ActivitySettings, Proposal, Vote, VoteRound } from '../../domain/activities';

/** What the activity use cases need from storage: everything lives in the group's partition of `groups`. */
export interface ProposalRepository {
  getProposal(groupId: string, proposalId: string): Promise<Proposal | undefined>;
  /** CONFLICT when the id exists already (a repeated submit). */
  createProposal(proposal: Proposal): Promise<Proposal>;
  /** IfMatch on the proposal's _etag (CONFLICT otherwise). */
  replaceProposal(proposal: Proposal): Promise<Proposal>;
  listProposals(groupId: string): Promise<Proposal[]>;
}

export interface RoundRepository {
  getRound(groupId: string, roundId: string): Promise<VoteRound | undefined>;
  /**
   * The round, and each proposal it takes marked with its id (IfMatch on each as read), in one transactional
   * batch: CONFLICT, nothing written, when a round with this id exists (two rounds opened at once) or a
   * proposal changed since it was read (edited or withdrawn by its author).
   */
  createRound(round: VoteRound, taken: Proposal[]): Promise<VoteRound>;
  /** IfMatch on the round's _etag (CONFLICT otherwise). */
  replaceRound(round: VoteRound): Promise<VoteRound>;
  listRounds(groupId: string): Promise<VoteRound[]>;
}

export interface VoteRepository {
  /**
   * One document per (round, proposal, voter), each an idempotent overwrite, written together with the
   * round's next revision, IfMatch on the round as it was read: all or nothing, CONFLICT (nothing written)
   * when the round changed since — closed, or another vote came first. So a vote is stored only while the
   * round is open, and a close that read the votes before it fails its own IfMatch and reads them again.
   */
  recordVotes(votes: Vote[], round: VoteRound): Promise<VoteRound>;
  listVotes(groupId: string, roundId: string): Promise<Vote[]>;
}

export interface ActivitySettingsRepository {
  getSettings(groupId: string): Promise<ActivitySettings | undefined>;
  saveSettings(settings: ActivitySettings): Promise<ActivitySettings>;
}

export type ActivityStore = ProposalRepository & RoundRepository & VoteRepository & ActivitySettingsRepository;

import type { Locale } from '../../domain/shared/locale';
import type { OutboundMessage } from '../shared/ports';
import type { RoundView } from './view';

export type RoundMessageKind = 'announce' | 'nudge' | 'result';

/** One message about a round for one recipient (a person) or for a linked group chat. */
export interface RoundMessageRequest {
  kind: RoundMessageKind;
  locale: Locale;
  view: RoundView;
  /** `execute`: the shared card of a Teams group chat (Action.Execute, refreshed per person); `submit`: a personal chat or Web Chat. */
  variant: 'submit' | 'execute';
  /** For `execute`: the Teams user ids whose clients fetch their own view. */
  refreshUserIds?: string[];
}

/** Words the round's messages (implemented where cards and locales live). */
export interface RoundRenderer {
  render(request: RoundMessageRequest): OutboundMessage;
}
