/** The groups feature's dialogs layer: other features import from here, never from the files behind it. */
export * from './dialogIds';
export * from './becomeLeaderDialog';
export * from './createGroupDialog';
export * from './groupActions';
export * from './joinGroupDialog';
export * from './leaveGroupDialog';
export * from './linkChatDialog';
export * from './routes';
