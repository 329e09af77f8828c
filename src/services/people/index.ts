/** The people feature's services layer: other features import from here, never from the files behind it. */
export * from './codeAttempts';
export * from './conversations';
export * from './ports';
export * from './users';
