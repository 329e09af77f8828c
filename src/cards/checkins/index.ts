export * from './actions';
export * from './checkInCard';
export * from './reflectionsCard';
export * from './strengthsCard';
export * from './leaderCard';
export * from './messages';
export * from './moodChart';
export * from './format';
