/** The meetings feature's services layer: other features import from here, never from the files behind it. */
export * from './meetings';
export * from './ports';
export * from './delivery';
