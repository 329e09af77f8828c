/** The outcomes feature's services: other features import from here. */
export * from './outcomes';
export * from './ports';
