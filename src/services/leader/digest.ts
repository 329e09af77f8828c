import type { Group } from '../../domain/groups';
import {
  defaultDigestSettings,
  digestJobGroup,
  digestJobId,
  digestJobKind,
  digestSettingsSchema,
  isDigestSlot,
  nextDigestSlot,
  slotDueAt,
  type DigestPayload,
  type DigestSettings,
} from '../../domain/leader';
import type { User } from '../../domain/people';
import type { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import { isValidZone, toUtcIso } from '../../domain/shared/schedule';
import type { GroupRepository } from '../groups';
import type { MeetingRepository } from '../meetings';
import type { UserRepository } from '../people';
import type { JobQueue } from '../shared/ports';
import type { DigestMessageRequest, DigestSettingsRepository } from './digestPorts';
import type { DigestViewBuilder } from './digestView';

export interface DigestDeps {
  users: UserRepository;
  groups: GroupRepository;
  meetings: Pick<MeetingRepository, 'listUpcoming'>;
  settings: DigestSettingsRepository;
  jobs: JobQueue;
  view: DigestViewBuilder;
}

/** A digest more than this late (the scheduler was down) is skipped. */
const maxLateMs = 12 * 3_600_000;

/** With no digest yet, "since the last digest" means the last week. */
const firstDigestLookbackMs = 7 * 86_400_000;

/** What a scheduled digest job is about, or why it no longer is. */
export type ScheduledDigest = { skip: string } | { request: DigestMessageRequest; leader: User };

/**
 * The leader's digest: their settings, the plan (one job per digest moment, id made of leader and
 * local slot, so planning twice keeps one and two runners send it once), and the content — one part
 * per group they lead. Only the leader themself reads or changes any of it.
 */
export class DigestService {
  constructor(
    private readonly deps: DigestDeps,
    private readonly clock: Clock,
    private readonly defaults: { timeZone: string; locale: DigestMessageRequest['locale'] },
  ) {}

  private async ledGroups(leader: User | undefined): Promise<Group[]> {
    if (!leader) return [];
    const groups = await Promise.all(leader.leadsGroupIds.map((id) => this.deps.groups.get(id)));
    return groups.filter((g): g is Group => g?.leaderId === leader.userId);
  }

  private zoneOf(leader: User | undefined, groups: readonly Group[]): string {
    if (isValidZone(leader?.timeZone)) return leader.timeZone;
    return groups.find((g) => isValidZone(g.timeZone))?.timeZone ?? this.defaults.timeZone;
  }

  private async context(leaderId: string) {
    const [leader, doc] = await Promise.all([this.deps.users.get(leaderId), this.deps.settings.get(leaderId)]);
    const groups = await this.ledGroups(leader);
    const settings: DigestSettings = doc ? digestSettingsSchema.parse(doc) : defaultDigestSettings;
    return { leader, doc, groups, settings, zone: this.zoneOf(leader, groups) };
  }

  private async meetingStarts(groups: readonly Group[], now: Date): Promise<string[]> {
    const lists = await Promise.all(groups.map((g) => this.deps.meetings.listUpcoming(g.groupId, now.toISOString())));
    return lists.flat().filter((m) => m.status === 'scheduled').map((m) => m.startsAt);
  }

  /** The settings the leader has now (the defaults until they change them). Only for someone who leads groups. */
  async settingsOf(leaderId: string): Promise<{ settings: DigestSettings; zone: string }> {
    const { groups, settings, zone } = await this.context(leaderId);
    if (groups.length === 0) throw new DomainError('NOT_LEADER');
    return { settings, zone };
  }

  /** Saves the leader's choice and plans the next digest by it; returns when that is. */
  async saveSettings(leaderId: string, input: DigestSettings): Promise<{ dueAt: string; zone: string }> {
    const settings = digestSettingsSchema.parse(input);
    const { groups, doc } = await this.context(leaderId);
    if (groups.length === 0) throw new DomainError('NOT_LEADER');
    const now = this.clock.now();
    await this.deps.settings.save({ ...(doc ?? {}), ...settings, id: 'digestSettings', userId: leaderId, updatedAt: toUtcIso(now) });
    return this.ensurePlanned(leaderId, now);
  }

  /**
   * Plans the leader's next digest after `after` (idempotent). A job planned under older settings, or
   * for a meeting since moved or cancelled, is left to its handler, which finds it no longer a digest
   * moment and skips it.
   */
  async ensurePlanned(leaderId: string, now = this.clock.now(), after = now): Promise<{ dueAt: string; zone: string }> {
    const { groups, settings, zone } = await this.context(leaderId);
    if (groups.length === 0) return { dueAt: '', zone };
    const { slot, dueAt } = nextDigestSlot(settings, zone, after, await this.meetingStarts(groups, now));
    const payload: DigestPayload = { slot, zone };
    await this.deps.jobs.plan({ id: digestJobId(leaderId, slot), kind: digestJobKind, dueAt, groupId: digestJobGroup(leaderId), userId: leaderId, payload }, now);
    return { dueAt, zone };
  }

  /** A group's meetings changed (or its day was evaluated): its leader's next digest may come earlier. */
  async ensurePlannedForGroup(groupId: string, now = this.clock.now()): Promise<void> {
    const group = await this.deps.groups.get(groupId);
    if (group) await this.ensurePlanned(group.leaderId, now);
  }

  /** The digest a scheduled job is to send, if its moment still is one (same zone, same settings, meeting still on). */
  async scheduled(leaderId: string, payload: DigestPayload, now: Date): Promise<ScheduledDigest> {
    const { leader, doc, groups, settings, zone } = await this.context(leaderId);
    if (!leader || groups.length === 0) return { skip: 'not_leader' };
    if (zone !== payload.zone || !isDigestSlot(settings, zone, payload.slot, await this.meetingStarts(groups, now))) return { skip: 'replanned' };
    // The scheduler was down past the moment: yesterday's digest is not worth sending today; the next one is planned.
    if (now.getTime() - Date.parse(slotDueAt(payload.slot, zone)) > maxLateMs) return { skip: 'too_late' };
    const since = doc?.lastSentAt ?? new Date(now.getTime() - firstDigestLookbackMs).toISOString();
    return { leader, request: await this.request(leader, groups, settings, zone, since, now) };
  }

  /** After a scheduled digest went out: later ones count from now. */
  async markSent(leaderId: string, now: Date): Promise<void> {
    const doc = await this.deps.settings.get(leaderId);
    await this.deps.settings.save({ ...defaultDigestSettings, ...(doc ?? {}), id: 'digestSettings', userId: leaderId, lastSentAt: toUtcIso(now), updatedAt: toUtcIso(now) });
  }

  /** *Digest now*: the same digest, on demand, counted from the last scheduled one. Only for someone who leads groups. */
  async onDemand(leaderId: string): Promise<DigestMessageRequest> {
    const now = this.clock.now();
    const { leader, doc, groups, settings, zone } = await this.context(leaderId);
    if (!leader || groups.length === 0) throw new DomainError('NOT_LEADER');
    const since = doc?.lastSentAt ?? new Date(now.getTime() - firstDigestLookbackMs).toISOString();
    return this.request(leader, groups, settings, zone, since, now);
  }

  private async request(leader: User, groups: Group[], settings: DigestSettings, zone: string, since: string, now: Date): Promise<DigestMessageRequest> {
    const parts = await Promise.all(groups.map((g) => this.deps.view.build(g, since, now, zone)));
    return { locale: leader.locale ?? groups[0]?.locale ?? this.defaults.locale, zone, since, groups: parts, settings };
  }
}
