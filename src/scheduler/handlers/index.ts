import { meetingJobKinds } from '../../domain/meetings';
import { MeetingDeliveryService } from '../../services/meetings';
import type { JobHandlers } from '../jobs';
import { attendanceHandler } from './attendance';
import type { MeetingJobDeps } from './common';
import { notifyHandler } from './notify';
import { reflectHandler } from './reflect';
import { remindHandler } from './remind';

export type { MeetingJobDeps } from './common';

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
