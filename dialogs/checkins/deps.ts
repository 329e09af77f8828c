import type { SafetyNumbers } from '../../src/domain/checkins';
import type { CheckInService, MyDataService, SafetyService } from '../../src/services/checkins';
import type { DialogDeps } from '../context';

/** The check-in feature's services, beside the shared dialog deps. */
export interface CheckInFeature {
  checkIns: CheckInService;
  safety: SafetyService;
  myData: MyDataService;
  numbers: SafetyNumbers;
  /** The reviewed distress phrases (locales/safety.json). */
  distressPhrases: readonly string[];
}

export type CheckInDialogDeps = DialogDeps & { checkins: CheckInFeature };

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
