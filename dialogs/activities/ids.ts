/** The activities feature's dialog and prompt ids (kept stable: a stored dialog stack finds its dialog by id). */
export const ActivityDialogIds = {
  proposeSteps: 'activities.proposeSteps',
  scheduleWinner: 'activities.scheduleWinner',
} as const;
