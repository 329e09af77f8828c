import { meetingJobKinds } from '../../domain/meetings';
import { MeetingDeliveryService } from '../../services/meetings';
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
  // The handlers read and send only through the service; the delivery rules are the domain's policy.
  const tools = { delivery: new MeetingDeliveryService(deps), renderer: deps.renderer, prompter: deps.prompter };
  return {
    [meetingJobKinds.remind]: remindHandler(tools),
    [meetingJobKinds.reflect]: reflectHandler(tools),
    [meetingJobKinds.notify]: notifyHandler(tools),
    [meetingJobKinds.attendance]: attendanceHandler(tools),
  };
}

/** The groups feature's job kinds: notices to the leader. */
export function groupJobHandlers(deps: GroupJobDeps): JobHandlers {
  const { groups, users, noticeRenderer, defaultLocale } = deps;
  return { [groupJobKinds.leaderNotice]: leaderNoticeHandler({ delivery: new MeetingDeliveryService(deps), groups, users, noticeRenderer, defaultLocale }) };
}
