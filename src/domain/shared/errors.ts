/** Every failure a person can cause has a stable code; dialogs turn it into a localized sentence (errors.<code>). */
export const errorCodes = [
  'INVITE_INVALID',
  'INVITE_EXPIRED',
  'INVITE_REPLACED',
  'GROUP_FULL',
  'GROUP_NOT_FOUND',
  'NOT_LEADER',
  'NOT_GROUP_LEADER',
  'CHAT_LINKED_ELSEWHERE',
  'ALREADY_IN_GROUP',
  'LEADER_CANNOT_JOIN_OWN_GROUP',
  'NOT_IN_GROUP',
  'RATE_LIMITED',
  'CONSENT_REQUIRED',
  'SIGNUP_CODE_INVALID',
  'INVALID_INPUT',
  'CONFLICT',
  'STORE_UNAVAILABLE',
  'MEETING_NOT_FOUND',
  'MEETING_IN_PAST',
  'MEETING_CANCELLED',
  'REMINDER_NOT_FOUND',
  'MEETING_NOT_STARTED',
  'ALERT_NOT_FOUND',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown, code?: ErrorCode): e is DomainError =>
  e instanceof DomainError && (code === undefined || e.code === code);
