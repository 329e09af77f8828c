/** The leader feature's domain layer: other features import from here, never from the files behind it. */
export * from './model';
export * from './engagement';
export * from './episode';
export * from './guidance';
