export { memberOf, type ActivityRole } from './access';
export { ProposalService, type ActivityOverview, type ProposalDraft, type SavedProposal } from './proposals';
export { RoundService } from './rounds';
export type { RoundView } from './view';
export type { ActivityStore, RoundMessageKind, RoundMessageRequest, RoundRenderer } from './ports';
