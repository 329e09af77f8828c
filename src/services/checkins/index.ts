export * from './ports';
export * from './checkIns';
export * from './safety';
export * from './myData';
