/** The leader feature's store layer: other features import from here, never from the files behind it. */
export * from './repositories';
export * from './threadRepository';
