import {
  becomeLeaderPayload,
  joinPayload,
  leavePayload,
  linkChatPayload,
  myGroupPayload,
  myGroupsPayload,
  newGroupPayload,
  renewInvitePayload,
} from '../../src/cards/groups/payloads';
import { isGroupChat, tOf } from '../shared/context';
import { dialogAction, handler, type FeatureRoutes } from '../shared/routes';
import { BecomeLeaderDialog } from './becomeLeaderDialog';
import { CreateGroupDialog } from './createGroupDialog';
import { GroupActions } from './groupActions';
import { JoinGroupDialog } from './joinGroupDialog';
import { LeaveGroupDialog } from './leaveGroupDialog';
import { LinkChatDialog } from './linkChatDialog';
import { GroupsDialogIds } from './dialogIds';

/** Groups: create, join, leave, invite, roster, the linked group chat, becoming a leader. */
export const groupsRoutes: FeatureRoutes = {
  dialogs: [
    (d) => new CreateGroupDialog(d),
    (d) => new JoinGroupDialog(d),
    (d) => new LeaveGroupDialog(d),
    (d) => new BecomeLeaderDialog(d),
    (d) => new LinkChatDialog(d),
  ],
  actions: [
    dialogAction({
      action: 'join',
      schema: joinPayload,
      roles: ['anyone'],
      dialog: GroupsDialogIds.joinGroup,
      keywords: { fi: ['liity', 'liity ryhmään'], sv: ['gå med', 'gå med i grupp'], en: ['join', 'join group'] },
    }),
    dialogAction({ action: 'leave', schema: leavePayload, roles: ['anyone'], dialog: GroupsDialogIds.leaveGroup, keywords: { fi: ['eroa ryhmästä'], sv: ['lämna gruppen'], en: ['leave group'] } }),
    dialogAction({
      action: 'newGroup',
      schema: newGroupPayload,
      roles: ['anyone'],
      dialog: GroupsDialogIds.createGroup,
      keywords: { fi: ['uusi ryhmä', 'luo ryhmä'], sv: ['ny grupp', 'skapa grupp'], en: ['new group', 'create group'] },
    }),
    dialogAction({
      action: 'becomeLeader',
      schema: becomeLeaderPayload,
      roles: ['anyone'],
      dialog: GroupsDialogIds.becomeLeader,
      keywords: { fi: ['olen ohjaaja', 'ohjaaja'], sv: ['jag är ledare', 'ledare'], en: ['i am a leader', 'leader'] },
    }),
    handler({
      action: 'myGroups',
      schema: myGroupsPayload,
      roles: ['anyone'],
      keywords: { fi: ['ryhmäni', 'omat ryhmät'], sv: ['mina grupper'], en: ['my groups', 'roster'] },
      handle: (turn, _p, deps) => new GroupActions(deps).showLedGroups(turn.context),
    }),
    handler({
      action: 'myGroup',
      schema: myGroupPayload,
      roles: ['anyone'],
      keywords: { fi: ['oma ryhmä'], sv: ['min grupp'], en: ['my group'] },
      handle: (turn, _p, deps) => new GroupActions(deps).showMyGroup(turn.context),
    }),
    handler({ action: 'renewInvite', schema: renewInvitePayload, roles: ['leader'], handle: (turn, p, deps) => new GroupActions(deps).renewInvite(turn.context, p.groupId, p.confirmed === true) }),
    handler({
      action: 'linkChat',
      schema: linkChatPayload,
      roles: ['anyone'],
      groupChat: true,
      keywords: { fi: ['yhdistä', 'yhdistä keskustelu'], sv: ['koppla', 'koppla chatten'], en: ['link', 'link chat'] },
      handle: async (turn) => {
        if (!isGroupChat(turn.context)) return void (await turn.context.sendActivity(tOf(turn.context)('linkChat.onlyInGroupChat')));
        await turn.dc.beginDialog(GroupsDialogIds.linkChat);
      },
    }),
  ],
  menu: [
    // First thing for a new leader; once they lead a group it moves under "more" (Teams and the Playground show
    // at most five buttons in a row). A participant of a group (local mode: anyone may lead) does not see it.
    { action: 'newGroup', section: 'main', order: 20, visible: (v) => !v.inGroupChat && v.mayLead && !v.leadsGroups && !v.inGroup },
    { action: 'newGroup', section: 'tools', order: 5, visible: (v) => !v.inGroupChat && v.mayLead && v.leadsGroups },
    { action: 'myGroups', section: 'main', order: 30, visible: (v) => !v.inGroupChat && v.leadsGroups },
    { action: 'myGroup', section: 'main', order: 50, visible: (v) => !v.inGroupChat && v.inGroup },
    { action: 'join', section: 'main', order: 51, visible: (v) => !v.inGroupChat && !v.inGroup && v.consented && !v.leadsGroups },
    { action: 'becomeLeader', section: 'main', order: 60, visible: (v) => !v.inGroupChat && !v.mayLead && !v.leadsGroups && v.canClaimLeadership },
    { action: 'linkChat', section: 'main', order: 10, visible: (v) => v.inGroupChat && v.mayLead },
  ],
};
