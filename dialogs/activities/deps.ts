import type { TurnContext } from 'botbuilder';
import { isActivityError } from '../../src/domain/activities';
import type { Translate } from '../../src/i18n';
import { errorMessage, userIdOf, type DialogDeps } from '../shared/context';

/** What the activities dialogs use (the shared dialog deps carry the feature's services). */
export type ActivitiesDeps = DialogDeps;

/** An activity or domain error as one sentence in the person's language; anything else is rethrown. */
export function activityErrorText(t: Translate, e: unknown): string {
  if (isActivityError(e)) return t(`activities.errors.${e.code}`);
  return errorMessage(t, e);
}

/** The group an action without a group id is about: the participant's own, or the only (first) one a leader leads. */
export async function defaultGroupId(deps: DialogDeps, context: TurnContext): Promise<string | undefined> {
  const userId = userIdOf(context);
  const user = await deps.users.get(userId);
  return user?.groupId ?? user?.leadsGroupIds[0];
}
