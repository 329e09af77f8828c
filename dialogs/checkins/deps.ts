import type { TurnContext } from 'botbuilder';
import { userIdOf, type RouterDeps } from '../shared/context';

/** The person as erase and export find them: the user id and the channel's own id (dialog-state keys carry it, `…/users/{from.id}`). */
export const personOf = (context: TurnContext) => ({ userId: userIdOf(context), channelUserId: context.activity.from?.id });

export type CheckInDialogDeps = RouterDeps;

/** turnState key: the person's data was erased in this turn, so the bot writes no dialog state back. */
export const erasedThisTurn = Symbol('erasedThisTurn');

export const CheckInDialogIds = {
  checkIn: 'checkins.checkIn',
  stepwise: 'checkins.stepwise',
  safety: 'checkins.safety',
} as const;

export const CheckInPromptIds = {
  followUp: 'checkins.followUpPrompt',
  card: 'checkins.cardPrompt',
  mood: 'checkins.moodPrompt',
  text: 'checkins.textPrompt',
  day: 'checkins.dayPrompt',
  share: 'checkins.sharePrompt',
  contact: 'checkins.contactPrompt',
} as const;
