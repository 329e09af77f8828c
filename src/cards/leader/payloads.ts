import { z } from 'zod';
import { feedbackAnswers } from '../../domain/leader';
import { id, simple, text } from '../shared/actions';

/** Leader: every group they lead, each participant with the reasons the early warning sees. */
export const glancePayload = simple('leader.glance');
/** Leader: the answer to one alert (why is optional, only with "not useful"). */
export const alertFeedbackPayload = z.object({
  action: z.literal('leader.alertFeedback'),
  groupId: id,
  alertId: id,
  answer: z.enum(feedbackAnswers),
  why: text(300),
});
export type AlertFeedbackPayload = z.infer<typeof alertFeedbackPayload>;
