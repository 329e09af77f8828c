/** The meetings feature's services layer: other features import from here, never from the files behind it. */
export * from './access';
export * from './attendance';
export * from './overview';
export * from './planning';
export * from './ports';
export * from './delivery';
