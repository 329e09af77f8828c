import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { Clock } from '../domain/shared/clock';
import type { StoredReference } from '../domain/people';
import type { ReferenceBook } from '../services/people';
import type { Messenger, OutboundMessage, SendOutcome } from '../services/shared/ports';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Status of a failed connector call: the SDK's RestError carries statusCode; fetch-style errors carry response.status. */
export function errorStatus(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const err = e as { statusCode?: unknown; response?: { status?: unknown } };
  if (typeof err.statusCode === 'number') return err.statusCode;
  if (typeof err.response?.status === 'number') return err.response.status;
  return undefined;
}

const isRetryable = (status: number | undefined) => status === undefined || status === 429 || status >= 500;

/**
 * Speaks first, through continueConversationAsync on a stored reference. Only 429, 5xx and network
 * errors are retried (with exponential backoff and jitter); 403/404 mean the bot was removed or the
 * person is gone, so the reference is marked unreachable and nothing is retried.
 */
export class ProactiveSender implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly refs: ReferenceBook,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly policy: RetryPolicy = defaultRetryPolicy,
    private readonly sleep: Sleep = realSleep,
  ) {}

  async send(ownerId: string, conversationId: string, message: OutboundMessage): Promise<SendOutcome> {
    const ref = await this.refs.get(ownerId, conversationId);
    if (!ref) return { kind: 'unreachable', status: 404 };
    if (ref.unreachable) return { kind: 'unreachable', status: ref.unreachable.status };
    const activity = toActivity(message);
    let lastStatus: number | undefined;
    for (let attempt = 1; attempt <= this.policy.attempts; attempt++) {
      try {
        // Caught inside the turn: the adapter would otherwise hand the error to onTurnError (which
        // apologises into the same dead conversation) and report success to us.
        let sendError: unknown;
        await this.adapter.continueConversationAsync(this.appId, toReference(ref.reference), async (ctx) => {
          try {
            await ctx.sendActivity(activity);
          } catch (e) {
            sendError = e;
          }
        });
        if (sendError !== undefined) throw sendError;
        return { kind: 'sent' };
      } catch (e) {
        lastStatus = errorStatus(e);
        if (lastStatus === 403 || lastStatus === 404) {
          await this.refs.markUnreachable(ownerId, conversationId, lastStatus, this.clock.now(), ref);
          this.log.warn({ conversationType: ref.conversationType, status: lastStatus }, 'proactive send: unreachable');
          return { kind: 'unreachable', status: lastStatus };
        }
        if (!isRetryable(lastStatus) || attempt === this.policy.attempts) break;
        const delay = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
        this.log.info({ status: lastStatus, attempt, delay }, 'proactive send: retrying');
        await this.sleep(delay / 2 + Math.random() * (delay / 2));
      }
    }
    this.log.error({ status: lastStatus }, 'proactive send: failed');
    return { kind: 'failed', status: lastStatus };
  }
}

function toActivity(message: OutboundMessage) {
  const attachments = (message.cards ?? []).map((card) => CardFactory.adaptiveCard(card));
  const activity = MessageFactory.text(message.text ?? '');
  if (!message.text) delete activity.text;
  if (attachments.length > 0) activity.attachments = attachments;
  return activity;
}

function toReference(stored: StoredReference): Partial<ConversationReference> {
  return {
    ...stored,
    bot: { ...stored.bot, id: stored.bot.id, name: '' },
    user: stored.user ? { ...stored.user, id: stored.user.id, name: '' } : undefined,
    conversation: {
      ...stored.conversation,
      id: stored.conversation.id,
      isGroup: stored.conversation.isGroup ?? false,
      conversationType: stored.conversation.conversationType ?? 'personal',
      name: '',
    },
  };
}
