import { z } from 'zod';
import { alertSchema } from '../../domain/leader';
import type { AlertAnswer } from '../../domain/outcomes';
import type { ReportSources } from '../../services/outcomes';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

/** Only the id of a check-in is read: the report counts them and never sees what was written. */
const checkInIdOnly = z.object({ id: z.string() });

/**
 * What the report reads of other features' documents: check-ins (in each person's partition of
 * `users`, one single-partition query per participant, ids only) and the leader's alerts (in the
 * group's partition of `groups`, only who and how it was answered).
 */
export class CosmosReportSources implements ReportSources {
  private readonly checkIns: Documents<typeof checkInIdOnly>;
  private readonly alerts: Documents<typeof alertSchema>;

  constructor(containers: Containers) {
    this.checkIns = new Documents(containers.users, checkInIdOnly);
    this.alerts = new Documents(containers.groups, alertSchema);
  }

  async countCheckIns(groupId: string, userIds: readonly string[]): Promise<Map<string, number>> {
    const counts = await Promise.all(
      userIds.map(async (userId) => {
        const found = await this.checkIns.query(
          {
            query: "SELECT c.id FROM c WHERE c.type = 'checkin' AND c.userId = @u AND c.groupId = @g",
            parameters: [{ name: '@u', value: userId }, { name: '@g', value: groupId }],
          },
          userId,
        );
        return [userId, found.length] as const;
      }),
    );
    return new Map(counts);
  }

  async listAlertAnswers(groupId: string): Promise<Array<{ userId: string; answer: AlertAnswer }>> {
    const alerts = await this.alerts.query(
      { query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'leaderAlert'", parameters: [{ name: '@g', value: groupId }] },
      groupId,
    );
    return alerts.map((a) => ({ userId: a.userId, answer: a.feedback?.answer ?? 'unanswered' }));
  }
}
