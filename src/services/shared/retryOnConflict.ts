import { isDomainError } from '../../domain/shared/errors';

/**
 * Read, change, write with IfMatch: when someone else wrote in between (CONFLICT), read again and
 * apply the change to the newer document; after `attempts` lost races the CONFLICT goes to the caller
 * ("someone changed the same thing at the same moment, please try again").
 */
export async function retryOnConflict<T>(attempt: (round: number) => Promise<T>, attempts = 5): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      return await attempt(round);
    } catch (e) {
      if (!isDomainError(e, 'CONFLICT') || round >= attempts - 1) throw e;
    }
  }
}
