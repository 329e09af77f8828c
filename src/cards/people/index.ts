/** The people feature's cards layer: other features import from here, never from the files behind it. */
export * from './limitsCard';
export * from './payloads';
export * from './languageCard';
