import { sessionJobKinds } from '../../domain/meetings';
import type { JobHandlers } from '../jobs';
import { attendanceHandler } from './attendance';
import type { SessionJobDeps } from './common';
import { notifyHandler } from './notify';
import { reflectHandler } from './reflect';
import { remindHandler } from './remind';

export type { SessionJobDeps } from './common';

/** The session job kinds and their handlers; spread into the runner's map beside other issues' kinds. */
export function sessionJobHandlers(deps: SessionJobDeps): JobHandlers {
  return {
    [sessionJobKinds.remind]: remindHandler(deps),
    [sessionJobKinds.reflect]: reflectHandler(deps),
    [sessionJobKinds.notify]: notifyHandler(deps),
    [sessionJobKinds.attendance]: attendanceHandler(deps),
  };
}
