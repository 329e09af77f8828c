import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

/** How long the deadline's own "please try again" may take (the connector may be what hangs). */
const apologyBudgetMs = 2000;
const expiredKey = Symbol('turnExpired');

/** The turn passed its deadline: nothing more of it is said or saved. */
export const isExpired = (context: TurnContext): boolean => Boolean(context.turnState.get(expiredKey));

/**
 * The turn with its deadline. A late turn keeps running in the background (a write it started
 * finishes), but nothing it says reaches the person and its dialog stack is not saved, so the next
 * turn continues from the last one that finished. The person hears `apology()` instead.
 */
export async function withDeadline(
  context: TurnContext,
  run: () => Promise<void>,
  { deadlineMs, log, apology }: { deadlineMs: number; log: Logger; apology: () => string },
): Promise<void> {
  // The adapter copies activities before this hook sees them, so the apology is known by its text.
  let apologyText: string | undefined;
  context.onSendActivities(async (ctx, activities, next) => {
    if (isExpired(ctx) && !activities.every((a) => a.type === 'message' && a.text === apologyText && !a.attachments?.length)) return [];
    return next();
  });
  const turn = run();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
  try {
    if ((await Promise.race([turn.then(() => 'done' as const), late])) === 'done') return;
  } finally {
    clearTimeout(timer);
  }
  context.turnState.set(expiredKey, true);
  turn.catch((e: unknown) => log.warn({ err: { name: (e as Error)?.name } }, 'late turn failed after its deadline'));
  log.warn({ activityType: context.activity.type, deadlineMs }, 'turn passed its deadline');
  const text = (apologyText = apology());
  await Promise.race([context.sendActivity({ type: 'message', text }).catch(() => undefined), new Promise((r) => setTimeout(r, apologyBudgetMs).unref())]);
}
