import { randomUUID } from 'node:crypto';
import type { Container, SqlQuerySpec } from '@azure/cosmos';
import type { PersonalData, PersonalDataStore, PersonKeys } from '../../services/checkins';
import { containerSpecs, type ContainerName, type Containers } from '../shared/cosmosClient';
import { isNotFound, translateStoreError } from '../shared/errors';

type Raw = Record<string, unknown> & { id: string };

/** Cosmos' own fields are not the person's data. */
const withoutSystemFields = ({ _rid, _self, _etag, _attachments, _ts, ...doc }: Raw) => doc;

/**
 * Finds and deletes a person's documents in every container:
 * - users: their partition (profile, limits, references, counters, reminder settings, pauses, check-ins);
 * - groups: documents naming them (RSVPs, attendance, …) in any group partition;
 * - jobs: pending and finished jobs addressed to them or whose id carries their id;
 * - botstate: dialog stacks whose key ends in their channel id (`…/users/{from.id}`).
 * Queries across partitions: rare (a person asks), and the only way to find what other partitions hold.
 */
export class CosmosPersonalDataStore implements PersonalDataStore {
  constructor(private readonly containers: Containers) {}

  private queries(person: PersonKeys): Record<ContainerName, SqlQuerySpec | undefined> {
    const u = [{ name: '@u', value: person.userId }];
    return {
      users: { query: 'SELECT * FROM c WHERE c.userId = @u', parameters: u },
      groups: { query: "SELECT * FROM c WHERE c.userId = @u OR (c.type != 'group' AND CONTAINS(c.id, @u))", parameters: u },
      jobs: { query: 'SELECT * FROM c WHERE c.userId = @u OR CONTAINS(c.id, @u)', parameters: u },
      botstate: person.channelUserId
        ? {
            // botbuilder's private conversation state key: `{channel}/conversations/{conversation}/users/{from.id}/`.
            query: 'SELECT * FROM c WHERE ENDSWITH(c.key, @k) OR ENDSWITH(c.key, @slash)',
            parameters: [
              { name: '@k', value: `/users/${person.channelUserId}` },
              { name: '@slash', value: `/users/${person.channelUserId}/` },
            ],
          }
        : undefined,
    };
  }

  private async find(container: Container, spec: SqlQuerySpec | undefined): Promise<Raw[]> {
    if (!spec) return [];
    try {
      const { resources } = await container.items.query<Raw>(spec).fetchAll();
      return resources;
    } catch (e) {
      throw translateStoreError(e);
    }
  }

  async collect(person: PersonKeys): Promise<PersonalData> {
    const out: PersonalData = {};
    const queries = this.queries(person);
    for (const name of Object.keys(containerSpecs) as ContainerName[]) {
      out[name] = (await this.find(this.containers[name], queries[name])).map(withoutSystemFields);
    }
    // The membership lives inside the group document; only the person's own entry of it is theirs.
    const profile = out.users?.find((d) => d.type === 'user');
    if (typeof profile?.groupId === 'string') {
      const group = await this.find(this.containers.groups, {
        query: "SELECT c.groupId, c.name, m AS membership FROM c JOIN m IN c.members WHERE c.type = 'group' AND c.groupId = @g AND m.userId = @u",
        parameters: [
          { name: '@g', value: profile.groupId },
          { name: '@u', value: person.userId },
        ],
      });
      out.memberships = group as Array<Record<string, unknown>>;
    }
    return out;
  }

  async erase(person: PersonKeys): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const queries = this.queries(person);
    for (const name of Object.keys(containerSpecs) as ContainerName[]) {
      const container = this.containers[name];
      const path = containerSpecs[name].partitionKey.slice(1);
      const docs = await this.find(container, queries[name]);
      for (const doc of docs) {
        try {
          await container.item(doc.id, doc[path] as string).delete();
        } catch (e) {
          if (!isNotFound(e)) throw translateStoreError(e);
        }
      }
      counts[name] = docs.length;
    }
    return counts;
  }

  async recordDeparture(groupId: string, at: Date): Promise<void> {
    try {
      // No name, no id: only that someone left, and when.
      await this.containers.groups.items.create({ type: 'memberLeft', id: `left:${randomUUID()}`, groupId, at: at.toISOString() });
    } catch (e) {
      throw translateStoreError(e);
    }
  }

  async departures(groupId: string): Promise<string[]> {
    const rows = await this.find(this.containers.groups, {
      query: "SELECT c.at FROM c WHERE c.type = 'memberLeft' AND c.groupId = @g ORDER BY c.at DESC",
      parameters: [{ name: '@g', value: groupId }],
    });
    return rows.map((r) => String(r.at));
  }
}
