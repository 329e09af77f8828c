import { activityJobKinds } from '../../../domain/activities';
import type { JobHandlers } from '../../jobs';
import { announceHandler } from './announce';
import { closeHandler } from './close';
import type { ActivityJobDeps } from './common';
import { nudgeHandler } from './nudge';
import { resultHandler } from './result';

export type { ActivityJobDeps } from './common';

/** The activities job kinds and their handlers; spread into the runner's map beside the meeting kinds. */
export function activityJobHandlers(deps: ActivityJobDeps): JobHandlers {
  return {
    [activityJobKinds.announce]: announceHandler(deps),
    [activityJobKinds.nudge]: nudgeHandler(deps),
    [activityJobKinds.close]: closeHandler(deps),
    [activityJobKinds.result]: resultHandler(deps),
  };
}
