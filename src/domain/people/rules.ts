import { isValidZone } from '../shared/schedule';
import type { User } from './model';

/** A person's time zone: their own when they set a valid one, otherwise the fallback (their group's, or the service's). */
export const personalZone = (user: Pick<User, 'timeZone'> | undefined, fallback: string): string =>
  isValidZone(user?.timeZone) ? user.timeZone : fallback;
