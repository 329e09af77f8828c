/** The people feature's dialog ids: stored in dialog stacks, so never renamed lightly. */
export const PeopleDialogIds = {
  onboarding: 'onboarding',
  limits: 'limits',
  language: 'language',
  privacy: 'privacy',
  leaderStart: 'leaderStart',
} as const;
