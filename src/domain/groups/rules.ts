import type { Group } from './model';

/** Whether a person is one of the group's participants (the leader is not a member of their own group). */
export const isMember = (group: Pick<Group, 'members'>, userId: string): boolean => group.members.some((m) => m.userId === userId);

/** Whether a person is this group's own leader. */
export const leads = (group: Pick<Group, 'leaderId'>, userId: string): boolean => group.leaderId === userId;
