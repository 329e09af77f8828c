import type { Translate } from '../i18n';
import { DialogStateError } from '../../dialogs/router';
import { isDomainError } from '../domain/shared/errors';

/** The dialog stack of a turn that finished its work could not be saved: another turn of the same person saved first. */
export class TurnCrossedError extends Error {
  constructor() {
    super('another turn of this person saved its dialog state first');
    this.name = 'TurnCrossedError';
  }
}

/** What a failed turn says: the store is away, another turn crossed this one, a write lost a race, the stack was reset, or sorry. */
export function turnErrorText(t: Translate, error: unknown): string {
  if (isDomainError(error, 'STORE_UNAVAILABLE')) return t('errors.STORE_UNAVAILABLE');
  if (error instanceof TurnCrossedError) return t('errors.TURN_CROSSED');
  if (isDomainError(error, 'CONFLICT')) return t('errors.CONFLICT');
  if (error instanceof DialogStateError) return t('errors.STATE_RESET');
  return t('errors.UNEXPECTED');
}
