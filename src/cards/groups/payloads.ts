import { z } from 'zod';
import { id, simple } from '../shared/actions';

export const joinPayload = simple('join');
export const leavePayload = simple('leave');
export const newGroupPayload = simple('newGroup');
export const myGroupsPayload = simple('myGroups');
export const myGroupPayload = simple('myGroup');
export const becomeLeaderPayload = simple('becomeLeader');
export const linkChatPayload = simple('linkChat');
/** Leader: a fresh invite code for this group; without `confirmed` the bot asks first (the old code stops working). */
export const renewInvitePayload = z.object({ action: z.literal('renewInvite'), groupId: id, confirmed: z.literal(true).optional() });
