import { meetingJobKinds } from '../../domain/meetings';
import type { JobHandlers } from '../jobs';
import { groupJobKinds } from '../../domain/groups';
import { attendanceHandler } from './attendance';
import { leaderNoticeHandler, type GroupJobDeps } from './leaderNotice';
import type { MeetingJobDeps } from './common';
import { notifyHandler } from './notify';
import { reflectHandler } from './reflect';
import { remindHandler } from './remind';

export type { MeetingJobDeps } from './common';
export type { GroupJobDeps } from './leaderNotice';

/** The meeting job kinds and their handlers; spread into the runner's map beside other issues' kinds. */
export function meetingJobHandlers(deps: MeetingJobDeps): JobHandlers {
  return {
    [meetingJobKinds.remind]: remindHandler(deps),
    [meetingJobKinds.reflect]: reflectHandler(deps),
    [meetingJobKinds.notify]: notifyHandler(deps),
    [meetingJobKinds.attendance]: attendanceHandler(deps),
  };
}

/** The groups feature's job kinds: notices to the leader. */
export function groupJobHandlers(deps: GroupJobDeps): JobHandlers {
  return { [groupJobKinds.leaderNotice]: leaderNoticeHandler(deps) };
}
