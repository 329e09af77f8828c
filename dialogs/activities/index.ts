/** The activities feature's dialogs layer: other features import from here, never from the files behind it. */
export * from './ids';
export * from './invoke';
export * from './proposeStepsDialog';
export * from './routes';
export * from './scheduleWinnerDialog';
