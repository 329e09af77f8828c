/** The outcomes feature's dialogs: the router imports its routes from here. */
export { outcomesRoutes } from './routes';
export { onReportFileConsent, type ReportUploader } from './fileConsent';
