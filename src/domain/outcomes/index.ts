/** The outcomes feature's domain: other features import from here. */
export * from './model';
export * from './report';
export * from './csv';
export * from './followUps';
export * from './files';
