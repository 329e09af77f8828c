/** The outcomes feature's store layer: other features import from here. */
export * from './outcomeRepository';
export * from './reportSources';
export * from './pendingFiles';
