import { DomainError } from '../../domain/shared/errors';

/** A stored document that does not match its schema: never silently "fixed", always loud. */
export class InvalidStoredDocumentError extends Error {
  constructor(
    readonly container: string,
    readonly documentId: string,
    readonly issues: string,
  ) {
    super(`Stored document ${container}/${documentId} is invalid: ${issues}`);
    this.name = 'InvalidStoredDocumentError';
  }
}

interface CosmosLikeError {
  code?: number | string;
  statusCode?: number;
}

export const cosmosStatus = (e: unknown): number | undefined => {
  if (typeof e !== 'object' || e === null) return undefined;
  const { code, statusCode } = e as CosmosLikeError;
  if (typeof statusCode === 'number') return statusCode;
  return typeof code === 'number' ? code : undefined;
};

export const isNotFound = (e: unknown) => cosmosStatus(e) === 404;
export const isPreconditionFailed = (e: unknown) => cosmosStatus(e) === 412;
export const isConflict = (e: unknown) => cosmosStatus(e) === 409;

/** Turns what the SDK throws into errors the services understand; everything else passes through. */
export function translateStoreError(e: unknown): unknown {
  const status = cosmosStatus(e);
  if (status === 412 || status === 409) return new DomainError('CONFLICT');
  if (status === undefined || status === 429 || status === 408 || status >= 500) {
    if (e instanceof InvalidStoredDocumentError || e instanceof DomainError) return e;
    return new DomainError('STORE_UNAVAILABLE');
  }
  return e;
}
