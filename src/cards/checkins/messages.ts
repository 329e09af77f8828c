import type { Locale } from '../../domain/shared/locale';
import { translator } from '../../i18n';
import type { CheckInMessages } from '../../services/checkins';

/** The check-in messages the scheduler sends on its own, in the recipient's language. */
export const checkInMessages: CheckInMessages = {
  nextStepReminder: (locale: Locale, step: string) => ({ text: translator(locale)('checkins.reminder', { step }) }),
  contactRequest: (locale: Locale, memberName: string) => ({ text: translator(locale)('checkins.contactRequest', { name: memberName }) }),
};
