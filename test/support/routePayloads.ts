import type { z } from 'zod';
import type { CardRoute } from '../../dialogs/shared/routes';

/**
 * A valid payload for a declared route, its fields taken from `sample` (field name → value): what a
 * card the bot made would send. Throws when the route needs a field the sample lacks.
 */
export function payloadFor(route: CardRoute, sample: Record<string, () => unknown>): Record<string, unknown> {
  const shape = (route.schema as unknown as z.ZodObject).shape as Record<string, unknown> | undefined;
  if (!shape) throw new Error(`${route.action}: no object schema; give this row a payload`);
  const payload: Record<string, unknown> = { action: route.action };
  for (const key of Object.keys(shape)) if (key !== 'action' && sample[key]) payload[key] = sample[key]!();
  // A roster's answers ride beside its members (m0, m1, … are not in the schema's shape).
  if (payload.members && sample.m0) payload.m0 = sample.m0();
  const parsed = route.schema.safeParse(payload);
  if (!parsed.success) throw new Error(`${route.action}: add a sample for ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return payload;
}

/** Values for the fields the declared payloads carry, pointing at one group, meeting and member. */
export const routeSample = (at: { groupId: () => string; meetingId: () => string; memberId: () => string }): Record<string, () => unknown> => ({
  groupId: at.groupId,
  meetingId: at.meetingId,
  members: () => [at.memberId()],
  m0: () => 'present',
  // "Make a new code" as confirmed (without it the bot only asks, which changes nothing).
  confirmed: () => true,
  userId: at.memberId,
  requestId: () => '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  kind: () => 'employed',
  hours: () => 'full',
  term: () => 'open',
  date: () => '2026-12-01',
  startDate: () => '2026-11-01',
  endDate: () => '2026-12-20',
  entryId: () => 'req-roles',
  stillEmployed: () => true,
  proposalId: () => 'proposal:none',
  roundId: () => 'round:1',
  approve: () => true,
  alertId: () => 'alert:none',
  answer: () => 'handled',
  note: () => 'A good meeting',
  checkInId: () => 'checkin:none',
  shared: () => true,
  participantId: at.memberId,
  messageId: () => 'guidance:none',
  cadence: () => 'daily',
  weekday: () => '1',
  time: () => '07:00',
  beforeMeetings: () => 'true',
});
