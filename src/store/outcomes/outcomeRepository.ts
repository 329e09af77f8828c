import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { meetingDocuments } from '../meetings';
import { followUpSchema, groupDatesSchema, outcomeEntrySchema, outcomeNoteSchema, type FollowUp, type GroupDates, type OutcomeEntry, type OutcomeNote } from '../../domain/outcomes';
import { isDomainError } from '../../domain/shared/errors';
import type { OutcomeRepository } from '../../services/outcomes';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';
import { versionOf } from '../../domain/shared/version';

/** The group's secret for the report's pseudonymous ids: in the group's partition, never shown. */
const reportKeySchema = z.object({ id: z.literal('outcomeReportKey'), groupId: z.string(), key: z.string().min(32) });

/** How the outcomes feature's documents are stored in `groups`: the domain schema and its stored type. */
export const outcomeDocuments = (containers: Containers) => ({
  outcome: new Documents(containers.groups, outcomeEntrySchema, 'outcome'),
  outcomeFollowUp: new Documents(containers.groups, followUpSchema, 'outcomeFollowUp'),
  outcomeNote: new Documents(containers.groups, outcomeNoteSchema, 'outcomeNote'),
  outcomeReportKey: new Documents(containers.groups, reportKeySchema, 'outcomeReportKey'),
  outcomeDates: new Documents(containers.groups, groupDatesSchema, 'outcomeDates'),
});

/*
 * Outcome entries, follow-ups, notes and the report key: all in the group's partition of `groups`.
 * Queries name the partition in the WHERE clause too, because the embedded server ignores a query's partition key.
 */
const ofType = (type: string, groupId: string, userId?: string) => ({
  query: `SELECT * FROM c WHERE c.groupId = @groupId AND c.type = @type${userId === undefined ? '' : ' AND c.userId = @userId'}`,
  parameters: [{ name: '@groupId', value: groupId }, { name: '@type', value: type }, ...(userId === undefined ? [] : [{ name: '@userId', value: userId }])],
});

export class CosmosOutcomeRepository implements OutcomeRepository {
  private readonly entries: Documents<typeof outcomeEntrySchema>;
  private readonly followUps: Documents<typeof followUpSchema>;
  private readonly notes: Documents<typeof outcomeNoteSchema>;
  private readonly attendance: ReturnType<typeof meetingDocuments>['attendance'];
  private readonly keys: Documents<typeof reportKeySchema>;
  private readonly dates: Documents<typeof groupDatesSchema>;

  constructor(containers: Containers) {
    ({ outcome: this.entries, outcomeFollowUp: this.followUps, outcomeNote: this.notes, outcomeReportKey: this.keys, outcomeDates: this.dates } = outcomeDocuments(containers));
    this.attendance = meetingDocuments(containers).attendance;
  }

  createEntry(entry: OutcomeEntry) {
    return this.entries.create(entry);
  }
  async listEntries(groupId: string, userId?: string) {
    return (await this.entries.query(ofType('outcome', groupId, userId), groupId)).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  }
  putFollowUp(followUp: FollowUp) {
    return this.followUps.upsert(followUp);
  }
  listFollowUps(groupId: string, userId?: string) {
    return this.followUps.query(ofType('outcomeFollowUp', groupId, userId), groupId);
  }
  createNote(note: OutcomeNote) {
    return this.notes.create(note);
  }
  async listNotes(groupId: string, userId: string) {
    return (await this.notes.query(ofType('outcomeNote', groupId, userId), groupId)).sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
  }
  async listAttendance(groupId: string) {
    return (await this.attendance.query(ofType('attendance', groupId), groupId)).map((a) => ({ userId: a.userId, status: a.status }));
  }
  async reportKey(groupId: string): Promise<string> {
    const found = await this.keys.read('outcomeReportKey', groupId);
    if (found) return found.key;
    try {
      return (await this.keys.create({ id: 'outcomeReportKey', groupId, key: randomBytes(32).toString('hex') })).key;
    } catch (e) {
      if (!isDomainError(e, 'CONFLICT')) throw e;
      const raced = await this.keys.read('outcomeReportKey', groupId);
      if (!raced) throw e;
      return raced.key;
    }
  }
  getDates(groupId: string) {
    return this.dates.read('outcomeDates', groupId);
  }
  saveDates(dates: GroupDates) {
    return versionOf(dates) ? this.dates.replace(dates, dates.groupId) : this.dates.create(dates);
  }
}
