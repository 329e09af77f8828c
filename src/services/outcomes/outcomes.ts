import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Group } from '../../domain/groups';
import {
  confirmableOn,
  currentEntries,
  entryDetails,
  followUpId,
  isConfirmed,
  isReportReader,
  outcomeEntryId,
  outcomeNoteId,
  OutcomeError,
  type EntryDraft,
  type FollowUp,
  type OutcomeEntry,
  type OutcomeNote,
  type ProgrammeReport,
} from '../../domain/outcomes';
import type { Clock } from '../../domain/shared/clock';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import type { GroupRepository } from '../groups';
import type { JobQueue } from '../shared/ports';
import { followUpPlans } from './plans';
import type { OutcomeRepository, PendingFileRepository, ReportSources } from './ports';
import { ReportFileService } from './reportFiles';
import { everyoneIn, reportOf } from './reporting';

/** One participant's outcomes as their leader sees them: the standing entries and the whole history. */
export interface ParticipantOutcomes {
  userId: string;
  displayName: string;
  /** Left the group; still in the ledger and the report with what was recorded. */
  left: boolean;
  standing: OutcomeEntry[];
  history: OutcomeEntry[];
  followUps: FollowUp[];
  /** Employments whose 4-month follow-up is due now and not yet confirmed. */
  followUpDue: OutcomeEntry[];
}

export interface OwnOutcomes {
  group: Group;
  standing: OutcomeEntry[];
  confirmedIds: string[];
  notes: OutcomeNote[];
}

/** The outcome ledger and the programme report. Only a group's leader records; a participant sees only their own. */
export class OutcomeService {
  /** Report files waiting for Teams' file consent. */
  readonly files: ReportFileService;

  constructor(
    private readonly deps: {
      groups: GroupRepository;
      store: OutcomeRepository;
      jobs: JobQueue;
      /** The groups a leader leads (point reads of the profile's leadsGroupIds, in the groups feature). */
      groupsLedBy: (leaderId: string) => Promise<Group[]>;
      /** Check-in counts and alert answers of the report. */
      sources: ReportSources;
      pendingFiles: PendingFileRepository;
      /** REPORT_READERS: who may read the report across every group of the service. */
      readers: readonly string[];
    },
    private readonly clock: Clock,
  ) {
    this.files = new ReportFileService(deps.pendingFiles, clock);
  }

  private async ledGroup(leaderId: string, groupId: string): Promise<Group> {
    const group = await this.deps.groups.get(groupId);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    if (group.leaderId !== leaderId) throw new DomainError('NOT_GROUP_LEADER');
    return group;
  }

  private today(group: Group): string {
    return DateTime.fromJSDate(this.clock.now()).setZone(group.timeZone).toISODate()!;
  }

  /** Whether the person leads this group (then they see its ledger, else at most their own outcomes). */
  async leads(userId: string, groupId: string): Promise<boolean> {
    return (await this.deps.groups.get(groupId))?.leaderId === userId;
  }

  /** Every participant of a group the actor leads, with their outcomes. */
  async ledger(leaderId: string, groupId: string): Promise<{ group: Group; participants: ParticipantOutcomes[] }> {
    const group = await this.ledGroup(leaderId, groupId);
    const [entries, followUps] = await Promise.all([this.deps.store.listEntries(groupId), this.deps.store.listFollowUps(groupId)]);
    const today = this.today(group);
    const participants = (await everyoneIn(this.deps.groups, group)).map((m) => {
      const history = entries.filter((e) => e.userId === m.userId).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
      const own = followUps.filter((f) => f.userId === m.userId);
      const standing = currentEntries(history);
      const followUpDue = standing.filter((e) => e.kind === 'employed' && confirmableOn(e.date) <= today && !own.some((f) => f.entryId === e.entryId && f.checkedOn >= confirmableOn(e.date)));
      return { userId: m.userId, displayName: m.displayName, left: m.left, standing, history, followUps: own, followUpDue };
    });
    return { group, participants };
  }

  /** A new entry, or (with `supersedes`) a correction of one: the old entry stays in the history. Repeats of one request make one entry. */
  async record(leaderId: string, groupId: string, userId: string, draft: EntryDraft, requestId: string, supersedes?: string): Promise<OutcomeEntry> {
    const group = await this.ledGroup(leaderId, groupId);
    if (!(await everyoneIn(this.deps.groups, group)).some((m) => m.userId === userId)) throw new OutcomeError('NOT_PARTICIPANT');
    const details = entryDetails(draft);
    if (supersedes) {
      const old = (await this.deps.store.listEntries(groupId, userId)).find((e) => e.entryId === supersedes);
      if (!old) throw new OutcomeError('ENTRY_NOT_FOUND');
    }
    const entry: OutcomeEntry = {
      type: 'outcome',
      id: outcomeEntryId(userId, requestId),
      groupId,
      userId,
      entryId: requestId,
      ...details,
      ...(supersedes ? { supersedes } : {}),
      recordedBy: leaderId,
      recordedAt: this.clock.now().toISOString(),
    };
    try {
      const saved = await this.deps.store.createEntry(entry);
      if (saved.kind === 'employed') await this.plan(followUpPlans.employment(group, saved));
      return saved;
    } catch (e) {
      if (!isDomainError(e, 'CONFLICT')) throw e;
      const existing = (await this.deps.store.listEntries(groupId, userId)).find((x) => x.entryId === requestId);
      if (!existing) throw e;
      return existing;
    }
  }

  /** The group's start and end date; the follow-ups at +1 and +4 months after the end move with it (one job each). */
  async setDates(leaderId: string, groupId: string, startDate: string, endDate: string) {
    const group = await this.ledGroup(leaderId, groupId);
    if (endDate < startDate) throw new OutcomeError('DETAILS_MISSING');
    const old = await this.deps.store.getDates(groupId);
    const saved = await this.deps.store.saveDates({ type: 'outcomeDates', id: 'outcomeDates', groupId, startDate, endDate, updatedAt: this.clock.now().toISOString(), ...(old?._etag ? { _etag: old._etag } : {}) });
    for (const request of followUpPlans.end(group, endDate)) await this.plan(request);
    return saved;
  }

  getDates(leaderId: string, groupId: string) {
    return this.ledGroup(leaderId, groupId).then(() => this.deps.store.getDates(groupId));
  }

  private async plan(request: Parameters<JobQueue['plan']>[0]) {
    await this.deps.jobs.plan(request, this.clock.now());
  }

  /** The 4-month follow-up of an employment; before its day it would prove nothing, so it is refused. */
  async followUp(leaderId: string, groupId: string, userId: string, entryId: string, stillEmployed: boolean): Promise<{ entry: OutcomeEntry; confirmed: boolean }> {
    const group = await this.ledGroup(leaderId, groupId);
    const entry = currentEntries(await this.deps.store.listEntries(groupId, userId)).find((e) => e.entryId === entryId && e.kind === 'employed');
    if (!entry) throw new OutcomeError('ENTRY_NOT_FOUND');
    const checkedOn = this.today(group);
    if (checkedOn < confirmableOn(entry.date)) throw new OutcomeError('TOO_EARLY');
    const answer: FollowUp = {
      type: 'outcomeFollowUp',
      id: followUpId(userId, entryId, checkedOn),
      groupId,
      userId,
      entryId,
      checkedOn,
      stillEmployed,
      recordedBy: leaderId,
      recordedAt: this.clock.now().toISOString(),
    };
    await this.deps.store.putFollowUp(answer);
    return { entry, confirmed: isConfirmed(entry, await this.deps.store.listFollowUps(groupId, userId)) };
  }

  /** A participant's own outcomes and notes; anyone else's are never read. */
  async mine(userId: string, groupId: string): Promise<OwnOutcomes> {
    const group = await this.ownGroup(userId, groupId);
    const [entries, followUps, notes] = await Promise.all([
      this.deps.store.listEntries(groupId, userId),
      this.deps.store.listFollowUps(groupId, userId),
      this.deps.store.listNotes(groupId, userId),
    ]);
    const standing = currentEntries(entries);
    return { group, standing, confirmedIds: standing.filter((e) => isConfirmed(e, followUps)).map((e) => e.entryId), notes };
  }

  async addNote(userId: string, groupId: string, text: string, requestId: string = randomUUID()): Promise<OutcomeNote> {
    await this.ownGroup(userId, groupId);
    const trimmed = text.trim();
    if (!trimmed || trimmed.length > 500) throw new DomainError('INVALID_INPUT');
    const note: OutcomeNote = { type: 'outcomeNote', id: outcomeNoteId(userId, requestId), groupId, userId, text: trimmed, writtenAt: this.clock.now().toISOString() };
    return this.deps.store.createNote(note);
  }

  private async ownGroup(userId: string, groupId: string): Promise<Group> {
    const group = await this.deps.groups.get(groupId);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    if (!group.members.some((m) => m.userId === userId)) throw new DomainError('NOT_IN_GROUP');
    return group;
  }

  /** The programme report of one group the actor leads, or of all of them. Participants appear as keyed hashes. */
  async report(leaderId: string, groupId?: string): Promise<ProgrammeReport> {
    const groups = groupId ? [await this.ledGroup(leaderId, groupId)] : await this.deps.groupsLedBy(leaderId);
    return reportOf(this.deps, groups);
  }

  /** Whether the person is one of the report's readers (REPORT_READERS). */
  isReader(userId: string): boolean {
    return isReportReader(this.deps.readers, userId);
  }

  /** The report across every group of the service: for its readers only. */
  async serviceReport(userId: string): Promise<ProgrammeReport> {
    if (!this.isReader(userId)) throw new OutcomeError('NOT_REPORT_READER');
    const groups = (await this.deps.groups.listAll()).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.groupId.localeCompare(b.groupId));
    return reportOf(this.deps, groups);
  }
}
