/** What can go wrong in planning activities, each with a sentence under activities.errors.<code>. */
export const activityErrorCodes = [
  'PROPOSAL_NOT_FOUND',
  'NOT_AUTHOR',
  'PROPOSAL_LOCKED',
  'ROUND_NOT_FOUND',
  'ROUND_CLOSED',
  'ROUND_ALREADY_OPEN',
  'TOO_FEW_PROPOSALS',
  'NOT_IN_ROUND',
  'NOT_A_VOTER',
  'NOT_YOUR_GROUP',
  'DEADLINE_IN_PAST',
  'TIME_UNREADABLE',
  'TIME_IN_PAST',
  'TOO_MANY_TIMES',
  'NOT_TIED',
  'NO_WINNER_YET',
  'IDEA_NOT_FOUND',
] as const;
export type ActivityErrorCode = (typeof activityErrorCodes)[number];

export class ActivityError extends Error {
  constructor(readonly code: ActivityErrorCode) {
    super(code);
    this.name = 'ActivityError';
  }
}

export const isActivityError = (e: unknown, code?: ActivityErrorCode): e is ActivityError =>
  e instanceof ActivityError && (code === undefined || e.code === code);
