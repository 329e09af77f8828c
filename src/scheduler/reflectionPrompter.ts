import type { Locale } from '../domain/locale';
import type { Session } from '../domain/sessions';
import { findPersonalConversation } from '../services/conversations';
import type {
  ConversationRefRepository,
  GroupRepository,
  Messenger,
  OutboundMessage,
  ReflectionPrompter,
  SendOutcome,
  SessionRepository,
  UserRepository,
} from '../services/ports';

export interface MessengerPrompterDeps {
  sessions: SessionRepository;
  groups: GroupRepository;
  users: UserRepository;
  refs: ConversationRefRepository;
  messenger: Messenger;
  /** The words of the prompt (from src/cards, where the locales are). */
  render: (locale: Locale, session: Session) => OutboundMessage;
  defaultLocale: Locale;
}

/**
 * The reflection job's hook: invites the participant, in their own chat and language, to reflect on the
 * session that just ended. The check-in conversation itself belongs to the reflections feature.
 */
export class MessengerReflectionPrompter implements ReflectionPrompter {
  constructor(private readonly deps: MessengerPrompterDeps) {}

  async prompt(groupId: string, sessionId: string, userId: string): Promise<SendOutcome> {
    const [session, group, user] = await Promise.all([
      this.deps.sessions.get(groupId, sessionId),
      this.deps.groups.get(groupId),
      this.deps.users.get(userId),
    ]);
    // The reflect handler has just read both; gone now means removed in between: nothing to say.
    if (!session || !group) return { kind: 'unreachable', status: 404 };
    const target = await findPersonalConversation(this.deps.refs, userId);
    if ('unreachable' in target) return { kind: 'unreachable', status: target.unreachable };
    const locale = user?.locale ?? group.locale ?? this.deps.defaultLocale;
    return this.deps.messenger.send(userId, target.conversationId, this.deps.render(locale, session));
  }
}
