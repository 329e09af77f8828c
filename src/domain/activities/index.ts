export * from './errors';
export * from './fit';
export * from './ideas';
export * from './proposal';
export * from './round';
export * from './tally';
export * from './typedDate';
export * from './jobs';
