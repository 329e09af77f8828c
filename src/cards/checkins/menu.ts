import type { MenuView } from '../menu';

/** Menu buttons of check-ins: a participant checks in and reads their reflections; a leader sees the group's check-ins. */
export function checkInMenuEntries(view: MenuView): Array<{ key: string; data: { action: string } }> {
  if (view.inGroupChat || !view.consented) return [];
  if (view.leadsGroups) return [{ key: 'checkins.menu.leader', data: { action: 'checkins.leader' } }];
  return [
    { key: 'checkins.menu.checkIn', data: { action: 'checkins.start' } },
    { key: 'checkins.menu.reflections', data: { action: 'checkins.reflections' } },
  ];
}
