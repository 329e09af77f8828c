/** The groups feature's cards layer: other features import from here, never from the files behind it. */
export * from './groupCards';
export * from './payloads';
export * from './leaderNotice';
