/** The meetings feature's cards layer: other features import from here, never from the files behind it. */
export * from './meetingCards';
export * from './meetingForm';
export * from './payloads';
export * from './pauseCovers';
