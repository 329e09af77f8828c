import { z } from 'zod';
import { alertSchema, contactSchema, watchStateSchema, type Alert, type Contact, type WatchState } from '../../domain/leader';
import { isDomainError } from '../../domain/shared/errors';
import type { LeaderRepository } from '../../services/leader';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

const idOnly = z.object({ id: z.string(), groupId: z.string() });

/** How the leader's early-warning documents are stored in `groups`: the domain schema and its stored type. */
export const leaderDocuments = (containers: Containers) => ({
  leaderWatch: new Documents(containers.groups, watchStateSchema, 'leaderWatch'),
  leaderAlert: new Documents(containers.groups, alertSchema, 'leaderAlert'),
  leaderContact: new Documents(containers.groups, contactSchema, 'leaderContact'),
});

/** Watch states, alerts and contacts in the group's partition of `groups`; each carries the participant's userId. */
export class CosmosLeaderRepository implements LeaderRepository {
  private readonly states: Documents<typeof watchStateSchema>;
  private readonly alerts: Documents<typeof alertSchema>;
  private readonly contacts: Documents<typeof contactSchema>;
  private readonly ids: Documents<typeof idOnly>;

  constructor(containers: Containers) {
    ({ leaderWatch: this.states, leaderAlert: this.alerts, leaderContact: this.contacts } = leaderDocuments(containers));
    this.ids = new Documents(containers.groups, idOnly);
  }

  private ofType<T>(docs: { query: (spec: { query: string; parameters: { name: string; value: string }[] }, pk: string) => Promise<T[]> }, type: string, groupId: string, userId?: string) {
    const byUser = userId ? ' AND c.userId = @userId' : '';
    const parameters = [{ name: '@type', value: type }, ...(userId ? [{ name: '@userId', value: userId }] : [])];
    return docs.query({ query: `SELECT * FROM c WHERE c.type = @type${byUser}`, parameters }, groupId);
  }

  listStates(groupId: string): Promise<WatchState[]> {
    return this.ofType(this.states, 'leaderWatch', groupId);
  }
  /** Only the group's evaluation writes these (one job at a time): last write wins. */
  saveState(state: WatchState) {
    return this.states.upsert(state);
  }
  async createAlert(alert: Alert): Promise<Alert> {
    try {
      return await this.alerts.create(alert);
    } catch (e) {
      if (!isDomainError(e, 'CONFLICT')) throw e;
      const existing = await this.alerts.read(alert.id, alert.groupId);
      if (!existing) throw e;
      return existing;
    }
  }
  getAlert(groupId: string, alertId: string) {
    return this.alerts.read(alertId, groupId);
  }
  replaceAlert(alert: Alert) {
    return this.alerts.replace(alert, alert.groupId);
  }
  async listAlerts(groupId: string): Promise<Alert[]> {
    return (await this.ofType(this.alerts, 'leaderAlert', groupId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
  addContact(contact: Contact) {
    return this.contacts.upsert(contact);
  }
  async listContacts(groupId: string, userId: string): Promise<Contact[]> {
    return (await this.ofType(this.contacts, 'leaderContact', groupId, userId)).sort((a, b) => a.at.localeCompare(b.at));
  }
  /** A query across groups: "forget me" is rare, and a person may have been in several groups. */
  async deleteAllAbout(userId: string): Promise<number> {
    const found = await this.ids.query({
      query: "SELECT c.id, c.groupId FROM c WHERE c.userId = @userId AND ARRAY_CONTAINS(@types, c.type)",
      parameters: [{ name: '@userId', value: userId }, { name: '@types', value: ['leaderWatch', 'leaderAlert', 'leaderContact'] }],
    });
    for (const { id, groupId } of found) await this.ids.delete(id, groupId);
    return found.length;
  }
}
