import type { FormerMember, Group, Invite, LeaderNoticePayload } from '../../domain/groups';
import type { Locale } from '../../domain/shared/locale';
import type { OutboundMessage } from '../shared/ports';

/** What the group services need from storage. Implemented over Cosmos in src/store/groups. */

export interface GroupRepository {
  get(groupId: string): Promise<Group | undefined>;
  create(group: Group): Promise<Group>;
  /** Replaces only if unchanged since read (CONFLICT otherwise). */
  replace(group: Group): Promise<Group>;
  getInvite(code: string): Promise<Invite | undefined>;
  putInvite(invite: Invite): Promise<Invite>;
  /** Writes an existing invite again (to mark it replaced). */
  saveInvite(invite: Invite): Promise<Invite>;
  deleteInvite(code: string): Promise<void>;
  /** Creates or overwrites the record that someone left (one per person and group). */
  putFormerMember(former: FormerMember): Promise<FormerMember>;
  listFormerMembers(groupId: string): Promise<FormerMember[]>;
  /** Every group of the service. */
  listAll(): Promise<Group[]>;
}

/** What the leader's notice says: who (their name as the group knows it, or none), which group, how many now. */
export interface LeaderNoticeRequest {
  event: LeaderNoticePayload['event'];
  locale: Locale;
  group: Group;
  memberName?: string;
  count: number;
}

/** Words a notice to the leader (implemented where locales live, not in the scheduler). */
export interface LeaderNoticeRenderer {
  render(request: LeaderNoticeRequest): OutboundMessage;
}
