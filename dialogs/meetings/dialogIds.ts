/** The meetings feature's dialog ids: stored in dialog stacks, so never renamed lightly. */
export const MeetingsDialogIds = {
  scheduleMeeting: 'scheduleMeeting',
  moveMeeting: 'moveMeeting',
  cancelMeeting: 'cancelMeeting',
} as const;
