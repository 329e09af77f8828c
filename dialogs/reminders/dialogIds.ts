/** The reminders feature's dialog ids: stored in dialog stacks, so never renamed lightly. */
export const RemindersDialogIds = {
  reminderSettings: 'reminderSettings',
  pause: 'pause',
} as const;
