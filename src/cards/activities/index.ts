/** The activities feature's cards layer: other features import from here, never from the files behind it. */
export * from './actions';
export * from './library';
export * from './proposalForm';
export * from './renderer';
export * from './result';
export * from './round';
