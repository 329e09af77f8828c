import { digestNowPayload, digestSavePayload, digestSettingsPayload } from '../../src/cards/leader';
import { handler, type CardRoute, type MenuEntry } from '../shared/routes';
import { DigestActions } from './digestActions';

/** The leader's digest: on demand (menu *Digest now*, typed words) and when it comes. Leaders only. */
export const digestActions: readonly CardRoute[] = [
  handler({
    action: 'leader.digestNow',
    schema: digestNowPayload,
    roles: ['leader'],
    keywords: { fi: ['kooste', 'kooste nyt'], sv: ['sammandrag', 'sammandrag nu'], en: ['digest', 'digest now'] },
    handle: (turn, _p, deps) => new DigestActions(deps).now(turn.context),
  }),
  handler({
    action: 'leader.digestSettings',
    schema: digestSettingsPayload,
    roles: ['leader'],
    keywords: { fi: ['koosteen ajat', 'kooste asetukset'], sv: ['tider för sammandraget', 'sammandrag inställningar'], en: ['digest times', 'digest settings'] },
    handle: (turn, _p, deps) => new DigestActions(deps).settings(turn.context),
  }),
  handler({
    action: 'leader.digestSave',
    schema: digestSavePayload,
    roles: ['leader'],
    handle: (turn, p, deps) => new DigestActions(deps).save(turn.context, p),
  }),
];

/** *Digest now* among the leader's tools; *Digest times* among their settings (the digest's cards carry it too). */
export const digestMenu: readonly MenuEntry[] = [
  { action: 'leader.digestNow', section: 'tools', order: 20, visible: (v) => !v.inGroupChat && v.leadsGroups },
  { action: 'leader.digestSettings', section: 'settings', order: 35, visible: (v) => !v.inGroupChat && v.leadsGroups },
];
