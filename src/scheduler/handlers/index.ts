import { meetingJobKinds } from '../../domain/meetings';
import type { JobHandlers } from '../jobs';
import { attendanceHandler } from './attendance';
import type { MeetingJobDeps } from './common';
import { notifyHandler } from './notify';
import { reflectHandler } from './reflect';
import { remindHandler } from './remind';

export type { MeetingJobDeps } from './common';

/** The meeting job kinds and their handlers; spread into the runner's map beside other issues' kinds. */
export function meetingJobHandlers(deps: MeetingJobDeps): JobHandlers {
  return {
    [meetingJobKinds.remind]: remindHandler(deps),
    [meetingJobKinds.reflect]: reflectHandler(deps),
    [meetingJobKinds.notify]: notifyHandler(deps),
    [meetingJobKinds.attendance]: attendanceHandler(deps),
  };
}
