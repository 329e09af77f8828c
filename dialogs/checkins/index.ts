/** The check-ins feature's dialogs layer: other features and the router import from here only. */
export { checkinsRoutes, distressFirst, afterCheckIn } from './routes';
export { CheckInDialogIds, erasedThisTurn, personOf } from './deps';
export { onMyDataFileConsent, type FileUploader } from './fileConsent';
export type { SafetyResult } from './safetyDialog';
