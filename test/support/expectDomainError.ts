import { expect } from 'chai';
import { isDomainError, type ErrorCode } from '../../src/domain/shared/errors';

/** Passes only when the promise fails with exactly this domain error code. */
export async function expectDomainError(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  try {
    await promise;
  } catch (e) {
    expect(isDomainError(e, code), `expected ${code}, got ${String(e)}`).to.equal(true);
    return;
  }
  expect.fail(`expected ${code}`);
}
