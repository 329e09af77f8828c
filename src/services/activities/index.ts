export { memberOf, type ActivityRole } from './access';
export type { ActivityStore } from './ports';
export { ProposalService, type ActivityOverview, type ProposalDraft, type SavedProposal } from './proposals';
export { RoundService } from './rounds';
export type { RoundView } from './view';
