import { TurnContext, type Activity } from 'botbuilder';
import type { StoredReference } from '../domain/people';
import type { ConversationType } from '../services/people';

/** botbuilder's reference without display names: ids, serviceUrl, tenant and locale are all we need to speak first. */
export function storedReferenceOf(activity: Partial<Activity>): StoredReference {
  const ref = TurnContext.getConversationReference(activity);
  return {
    activityId: ref.activityId,
    channelId: ref.channelId ?? activity.channelId ?? 'unknown',
    serviceUrl: ref.serviceUrl ?? '',
    locale: ref.locale ?? activity.locale,
    conversation: {
      id: ref.conversation?.id ?? '',
      conversationType: ref.conversation?.conversationType,
      tenantId: ref.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
      isGroup: ref.conversation?.isGroup,
    },
    bot: { id: ref.bot?.id ?? activity.recipient?.id ?? '' },
    user: ref.user ? { id: ref.user.id, aadObjectId: ref.user.aadObjectId } : undefined,
  };
}

export function conversationTypeOf(activity: Partial<Activity>): ConversationType {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || activity.conversation?.isGroup) return 'groupChat';
  return 'personal';
}
