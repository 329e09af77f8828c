/** The outcomes feature's services: other features import from here. */
export * from './outcomes';
export * from './ports';
export * from './reportFiles';
export { pseudonymOf } from './reporting';
