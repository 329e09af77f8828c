/** The root dialog's id; each feature keeps its dialog ids in dialogs/<feature>/dialogIds.ts. */
export const DialogIds = {
  main: 'main',
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
