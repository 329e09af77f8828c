/** The leader feature's cards layer: other features import from here, never from the files behind it. */
export * from './leaderCards';
export * from './payloads';
export * from './guidanceCards';
export * from './guidancePayloads';
