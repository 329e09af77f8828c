/** The leader feature's services layer: other features import from here, never from the files behind it. */
export * from './ports';
export * from './signals';
export * from './watch';
export * from './guidance';
export * from './guidancePorts';
