/** The leader feature's dialogs: other features import from here, never from the files behind it. */
export { leaderRoutes } from './routes';
