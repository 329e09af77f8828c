import type { Group } from '../../src/domain/groups/model';
import type { Meeting } from '../../src/domain/meetings/model';

/** One small group and one of its meetings, for card tests (the same values wherever a card is checked). */
export const at = '2026-11-20T10:00:00.000Z';
export const group: Group = {
  id: 'g1',
  groupId: 'g1',
  name: 'Kuntosali',
  timeZone: 'Europe/Helsinki',
  locale: 'fi',
  leaderId: 'msteams:leader',
  members: [
    { userId: 'msteams:p1', displayName: 'Aino', joinedAt: at },
    { userId: 'msteams:p2', displayName: 'Siri', joinedAt: at },
  ],
  linkedChatIds: [],
  createdAt: at,
  updatedAt: at,
};
// Sunday 29 March 2026 09:00–10:30 in Helsinki: the morning clocks go forward (EEST, UTC+3).
export const meeting: Meeting = {
  id: 'session:11111111-1111-4111-8111-111111111111',
  groupId: 'g1',
  title: 'Kuntosali',
  startsAt: '2026-03-29T06:00:00.000Z',
  endsAt: '2026-03-29T07:30:00.000Z',
  place: 'Urheilutalo',
  status: 'scheduled',
  revision: 1,
  createdBy: 'msteams:leader',
  createdAt: at,
  updatedAt: at,
};
