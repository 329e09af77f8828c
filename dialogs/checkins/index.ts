/** The check-ins feature's dialogs layer: other features and the router import from here only. */
export { checkinsRoutes, distressFirst, afterCheckIn } from './routes';
export { CheckInDialogIds, erasedThisTurn } from './deps';
export { personOf } from './actions';
export type { SafetyResult } from './safetyDialog';
