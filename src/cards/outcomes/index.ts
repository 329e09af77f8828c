/** The outcomes feature's cards layer: other features import from here. */
export * from './ledgerCards';
export * from './payloads';
export * from './reportCard';
export * from './words';
export * from './reminderCard';
export * from './chart';
export * from './fileConsent';
