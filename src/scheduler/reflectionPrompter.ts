import type { Locale } from '../domain/shared/locale';
import type { Meeting } from '../domain/meetings';
import { findPersonalConversation } from '../services/people';
import type { ConversationRefRepository } from '../services/people';
import type { Messenger, OutboundMessage, SendOutcome } from '../services/shared/ports';
import type { ReflectionPrompter, ReflectionRequest } from '../services/meetings';

export interface MessengerPrompterDeps {
  refs: ConversationRefRepository;
  messenger: Messenger;
  /** The words of the prompt (from src/cards, where the locales are). */
  render: (locale: Locale, meeting: Meeting) => OutboundMessage;
}

/**
 * The reflection job's hook: invites the participant, in their own chat and language, to reflect on the
 * meeting that just ended. The check-in conversation itself belongs to the reflections feature.
 */
export class MessengerReflectionPrompter implements ReflectionPrompter {
  constructor(private readonly deps: MessengerPrompterDeps) {}

  async prompt({ meeting, userId, locale }: ReflectionRequest): Promise<SendOutcome> {
    const target = await findPersonalConversation(this.deps.refs, userId);
    if ('unreachable' in target) return { kind: 'unreachable', status: target.unreachable };
    return this.deps.messenger.send(userId, target.conversationId, this.deps.render(locale, meeting));
  }
}
