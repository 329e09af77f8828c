import type { Meeting } from '../../domain/meetings/model';
import type { Locale } from '../../domain/shared/locale';
import type { Translate } from '../../i18n';
import { submit } from '../shared/actions';
import { adaptiveCard, textBlock } from '../shared/elements';
import { meetingWhen } from './meetingCards';

/**
 * A pause that covers a meeting the person said they would come to: the leader still reads "coming",
 * so the person is offered to change the answer (never changed for them).
 */
export function pauseCoversMeetingCard(t: Translate, locale: Locale, zone: string, meeting: Meeting) {
  return adaptiveCard(
    [textBlock(t('pause.coversMeeting', { title: meeting.title, when: meetingWhen(meeting, locale, zone) }))],
    (['no', 'maybe'] as const).map((answer) => submit(t(`rsvp.buttons.${answer}`), { action: 'rsvp', groupId: meeting.groupId, meetingId: meeting.id, answer })),
  );
}
