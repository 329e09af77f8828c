/** Every dialog and prompt id in one place, so a stored dialog stack always finds its dialog. */
export const DialogIds = {
  main: 'main',
  onboarding: 'onboarding',
  createGroup: 'createGroup',
  joinGroup: 'joinGroup',
  leaveGroup: 'leaveGroup',
  becomeLeader: 'becomeLeader',
  limits: 'limits',
  language: 'language',
  privacy: 'privacy',
  linkChat: 'linkChat',
  scheduleMeeting: 'scheduleMeeting',
  moveMeeting: 'moveMeeting',
  cancelMeeting: 'cancelMeeting',
  reminderSettings: 'reminderSettings',
  pause: 'pause',
} as const;

export const PromptIds = {
  text: 'textPrompt',
  confirm: 'confirmPrompt',
  choice: 'choicePrompt',
  groupName: 'groupNamePrompt',
  displayName: 'displayNamePrompt',
  timeZone: 'timeZonePrompt',
  card: 'cardPrompt',
} as const;
