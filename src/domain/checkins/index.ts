export * from './strengths';
export * from './checkIn';
export * from './summary';
export * from './distress';
export * from './ids';
export * from './typed';
export * from './safety';
