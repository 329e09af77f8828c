/** The people feature's dialogs layer: other features import from here, never from the files behind it. */
export * from './dialogIds';
export * from './languageChoice';
export * from './languageDialog';
export * from './leaderStartDialog';
export * from './limitsDialog';
export * from './onboardingDialog';
export * from './privacyDialog';
export * from './routes';
