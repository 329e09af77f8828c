/** The meetings feature's dialogs layer: other features import from here, never from the files behind it. */
export * from './dialogIds';
export * from './cancelMeetingDialog';
export * from './meetingActions';
export * from './moveMeetingDialog';
export * from './scheduleMeetingDialog';
export * from './routes';
