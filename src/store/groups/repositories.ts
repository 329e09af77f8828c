import { formerMemberSchema, groupSchema, inviteKey, inviteSchema, type FormerMember, type Group, type Invite } from '../../domain/groups';
import type { GroupRepository } from '../../services/groups';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

export class CosmosGroupRepository implements GroupRepository {
  private readonly groups: Documents<typeof groupSchema>;
  private readonly invites: Documents<typeof inviteSchema>;
  private readonly former: Documents<typeof formerMemberSchema>;
  constructor(containers: Containers) {
    this.groups = new Documents(containers.groups, groupSchema);
    this.invites = new Documents(containers.groups, inviteSchema);
    this.former = new Documents(containers.groups, formerMemberSchema);
  }
  get(groupId: string) {
    return this.groups.read(groupId, groupId);
  }
  create(group: Group) {
    return this.groups.create(group);
  }
  replace(group: Group) {
    return this.groups.replace(group, group.groupId);
  }
  getInvite(code: string) {
    return this.invites.read('invite', inviteKey(code));
  }
  putInvite(invite: Invite) {
    return this.invites.create(invite);
  }
  saveInvite(invite: Invite) {
    return this.invites.upsert(invite);
  }
  deleteInvite(code: string) {
    return this.invites.delete('invite', inviteKey(code));
  }
  putFormerMember(former: FormerMember) {
    return this.former.upsert(former);
  }
  listFormerMembers(groupId: string) {
    // The partition is named in the WHERE clause too: the embedded server ignores a query's partition key.
    return this.former.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'formerMember'", parameters: [{ name: '@g', value: groupId }] }, groupId);
  }
  /** Every group of the service (the service-wide report): one query across partitions, rare. */
  listAll() {
    return this.groups.query({ query: "SELECT * FROM c WHERE c.type = 'group'" });
  }
}
