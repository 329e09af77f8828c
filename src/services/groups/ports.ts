import type { Group, Invite } from '../../domain/groups';

/** What the group services need from storage. Implemented over Cosmos in src/store/groups. */

export interface GroupRepository {
  get(groupId: string): Promise<Group | undefined>;
  create(group: Group): Promise<Group>;
  /** Replaces only if unchanged since read (CONFLICT otherwise). */
  replace(group: Group): Promise<Group>;
  listByLeader(leaderId: string): Promise<Group[]>;
  getInvite(code: string): Promise<Invite | undefined>;
  putInvite(invite: Invite): Promise<Invite>;
  /** Writes an existing invite again (to mark it replaced). */
  saveInvite(invite: Invite): Promise<Invite>;
  deleteInvite(code: string): Promise<void>;
}
