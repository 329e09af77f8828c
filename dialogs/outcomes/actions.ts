import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { isOutcomeError } from '../../src/domain/outcomes';
import { ledgerCard, ownOutcomesCard, reportChartPng, recordFormCard, reportCard, reportConsentCard, reportFileContents, reportFiles, type RecordSavePayload } from '../../src/cards/outcomes';
import type { ProgrammeReport } from '../../src/domain/outcomes';
import type { Translate } from '../../src/i18n';
import { errorMessage, localeOf, sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';

/** An outcome or domain error as one sentence in the person's language; anything else is rethrown. */
export function outcomeErrorText(t: Translate, e: unknown): string {
  if (isOutcomeError(e)) return t(`outcomes.errors.${e.code}`);
  return errorMessage(t, e);
}

/** The outcomes buttons, each answered in one turn. The service checks the role in the group again. */
export class OutcomeActions {
  constructor(private readonly deps: DialogDeps) {}

  private get outcomes() {
    return this.deps.outcomes;
  }

  /** A leader gets the ledger of the group; a participant their own outcomes. */
  async home(context: TurnContext, groupId: string) {
    const t = tOf(context);
    const userId = userIdOf(context);
    if (await this.outcomes.leads(userId, groupId)) {
      const [{ group, participants }, dates] = await Promise.all([this.outcomes.ledger(userId, groupId), this.outcomes.getDates(userId, groupId)]);
      return void (await sendCard(context, ledgerCard(t, localeOf(context), group, participants, dates)));
    }
    const own = await this.outcomes.mine(userId, groupId);
    await sendCard(context, ownOutcomesCard(t, localeOf(context), own, randomUUID()));
  }

  async recordForm(context: TurnContext, groupId: string, participantId: string, supersedes?: string, error?: string, requestId: string = randomUUID()) {
    const t = tOf(context);
    const { group, participants } = await this.outcomes.ledger(userIdOf(context), groupId);
    const p = participants.find((x) => x.userId === participantId);
    if (!p) return void (await context.sendActivity(t('outcomes.errors.NOT_PARTICIPANT')));
    const old = supersedes ? p.history.find((e) => e.entryId === supersedes) : undefined;
    const today = DateTime.fromJSDate(this.deps.clock.now()).setZone(group.timeZone).toISODate()!;
    await sendCard(context, recordFormCard(t, localeOf(context), { group, userId: p.userId, displayName: p.displayName, requestId, today, ...(old ? { supersedes: old } : {}), ...(error ? { error } : {}) }));
  }

  async save(context: TurnContext, p: RecordSavePayload) {
    const t = tOf(context);
    const { action: _a, groupId, userId, requestId, supersedes, ...draft } = p;
    try {
      await this.outcomes.record(userIdOf(context), groupId, userId, draft, requestId, supersedes);
      await context.sendActivity(t(supersedes ? 'outcomes.corrected' : 'outcomes.saved'));
      await this.home(context, groupId);
    } catch (e) {
      const text = outcomeErrorText(t, e);
      if (isOutcomeError(e) && e.code === 'DETAILS_MISSING') return this.recordForm(context, groupId, userId, supersedes, text, requestId);
      await context.sendActivity(text);
    }
  }

  async dates(context: TurnContext, groupId: string, startDate: string, endDate: string) {
    await this.outcomes.setDates(userIdOf(context), groupId, startDate, endDate);
    await context.sendActivity(tOf(context)('outcomes.dates.saved'));
  }

  async followUp(context: TurnContext, groupId: string, participantId: string, entryId: string, stillEmployed: boolean) {
    const t = tOf(context);
    const { confirmed } = await this.outcomes.followUp(userIdOf(context), groupId, participantId, entryId, stillEmployed);
    await context.sendActivity(t(confirmed ? 'outcomes.followUpConfirmed' : 'outcomes.followUpEnded'));
  }

  async note(context: TurnContext, groupId: string, text: string, requestId: string) {
    const t = tOf(context);
    if (!text.trim()) return void (await context.sendActivity(t('outcomes.noteEmpty')));
    await this.outcomes.addNote(userIdOf(context), groupId, text, requestId);
    await context.sendActivity(t('outcomes.noteSaved'));
  }

  /** The report of one group, or of all the leader's groups, as a card and two CSV files. */
  async report(context: TurnContext, groupId?: string) {
    await this.sendReport(context, await this.outcomes.report(userIdOf(context), groupId), 'leader');
  }

  /** The report across every group of the service: only REPORT_READERS get it (the service refuses anyone else). */
  async serviceReport(context: TurnContext) {
    await this.sendReport(context, await this.outcomes.serviceReport(userIdOf(context)), 'service');
  }

  private async sendReport(context: TurnContext, report: ProgrammeReport, scope: 'leader' | 'service') {
    const t = tOf(context);
    // The picture is a bonus: the numbers are in words beside it, so a failed render leaves the card without it.
    const png = await reportChartPng(t, report.summary).catch(() => undefined);
    await sendCard(context, reportCard(t, localeOf(context), report, png, scope));
    if (context.activity.channelId !== 'msteams') {
      // Web Chat (directline, webchat, emulator) offers data: attachments for download.
      return void (await context.sendActivity({ type: 'message', text: t('outcomes.report.filesReady'), attachments: reportFiles(t, report) }));
    }
    // Teams takes a bot's file only through its consent card; the file waits in the store for the answer.
    const userId = userIdOf(context);
    const cards = [];
    for (const file of reportFileContents(t, report)) {
      const fileId = await this.outcomes.files.hold(userId, file.name, file.content);
      cards.push(reportConsentCard(file.name, file.description, Buffer.byteLength(file.content, 'utf8'), fileId));
    }
    await context.sendActivity({ type: 'message', text: t('outcomes.files.consent'), attachments: cards });
  }
}
