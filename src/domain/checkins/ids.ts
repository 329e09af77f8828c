/** Scheduler job kinds and deterministic job ids of check-ins: planning twice finds the same job. */
export const checkInJobKinds = {
  /** On the day of a next step: a friendly reminder of it. */
  nextStep: 'checkins.nextStep',
  /** The person said yes to "may I tell your leader?": the leader hears only that they asked for contact. */
  contact: 'checkins.contact',
  /** Local mode only: the embedded store has no TTL, so expired check-ins are deleted once a day. */
} as const;

const safe = (p: string) => p.replace(/[/\\?#]/g, '_');

export const nextStepJobId = (userId: string, checkInId: string) => `checkins-nextstep:${safe(userId)}:${safe(checkInId)}`;
/** One contact request per person per day is enough: a second yes the same day plans the same job. */
export const contactJobId = (userId: string, day: string) => `checkins-contact:${safe(userId)}:${day}`;
/** Jobs that belong to nobody's group live under this group id (their finished records too). */
export const noGroup = 'none';
