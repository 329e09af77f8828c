/** The reminders feature's dialogs layer: other features import from here, never from the files behind it. */
export * from './dialogIds';
export * from './pauseDialog';
export * from './reminderSettingsDialog';
export * from './routes';
