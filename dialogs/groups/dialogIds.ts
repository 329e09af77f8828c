/** The groups feature's dialog ids: stored in dialog stacks, so never renamed lightly. */
export const GroupsDialogIds = {
  createGroup: 'createGroup',
  joinGroup: 'joinGroup',
  leaveGroup: 'leaveGroup',
  becomeLeader: 'becomeLeader',
  linkChat: 'linkChat',
} as const;
