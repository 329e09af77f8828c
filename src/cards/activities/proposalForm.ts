import { DateTime } from 'luxon';
import { costLevels, effortLevels, ideaById, travelLevels, type Proposal } from '../../domain/activities';
import type { Group } from '../../domain/groups';
import type { Translate } from '../../i18n';
import { submit, submitWithoutInputs } from '../shared/actions';
import { adaptiveCard, heading, problem, textBlock } from '../shared/elements';
import type { ProposalFormPayload } from './actions';

export type ProposalFormValues = Omit<ProposalFormPayload, 'action' | 'groupId' | 'requestId' | 'proposalId' | 'ideaId'>;

export interface ProposalFormOptions {
  requestId: string;
  values?: Partial<ProposalFormValues>;
  proposalId?: string;
  ideaId?: string;
  error?: string;
  /** How many in the group it may not suit (known when the demands are: an idea, an edit, a form that came back). */
  mayNotSuit?: number;
}

/** A stored proposal back in the form's terms (times typed as the group reads them). */
export function proposalValues(p: Proposal, zone: string): ProposalFormValues {
  return {
    title: p.title,
    description: p.description,
    when: p.times.map((at) => DateTime.fromISO(at, { zone }).toFormat('d.M.yyyy HH.mm')).join('; '),
    place: p.place,
    cost: p.cost,
    effort: p.demands.effort,
    travel: p.demands.travel,
    costLevel: p.demands.cost,
    other: p.demands.other ?? '',
  };
}

/** An idea as a starting point, in the reader's language. */
export function ideaValues(t: Translate, ideaId: string): Partial<ProposalFormValues> | undefined {
  const idea = ideaById(ideaId);
  if (!idea) return undefined;
  return {
    title: t(`activities.ideas.items.${idea.id}.title`),
    description: t(`activities.ideas.items.${idea.id}.description`),
    effort: idea.demands.effort,
    travel: idea.demands.travel,
    costLevel: idea.demands.cost,
  };
}

const choice = (t: Translate, id: string, label: string, levels: readonly string[], prefix: string, value: string) => ({
  type: 'Input.ChoiceSet',
  id,
  style: 'compact',
  label,
  value,
  isRequired: true,
  choices: levels.map((l) => ({ title: t(`${prefix}.${l}`), value: l })),
});

const text = (id: string, label: string, value: string, maxLength: number, extra: object = {}) => ({ type: 'Input.Text', id, label, value, maxLength, ...extra });

/** Propose (or edit) an activity; the data carries the group, a request id (a repeat is one proposal) and the idea it came from. */
export function proposalFormCard(t: Translate, group: Group, options: ProposalFormOptions) {
  const v = options.values ?? {};
  const idea = options.ideaId ? ideaById(options.ideaId) : undefined;
  const fit =
    options.mayNotSuit === undefined ? [] : [textBlock(options.mayNotSuit > 0 ? t('activities.fit.mayNotSuit', { count: options.mayNotSuit }) : t('activities.fit.fitsEveryone'), { isSubtle: true })];
  return adaptiveCard(
    [
      ...problem(options.error),
      heading(options.proposalId ? t('activities.form.editHeading') : t('activities.form.heading', { group: group.name })),
      ...(idea ? [textBlock(t('activities.form.fromIdea', { idea: t(`activities.ideas.items.${idea.id}.title`) }), { isSubtle: true })] : []),
      ...fit,
      text('title', t('activities.form.title'), v.title ?? '', 80, { placeholder: t('activities.form.titlePlaceholder'), isRequired: true, errorMessage: t('activities.form.titleError') }),
      text('description', t('activities.form.description'), v.description ?? '', 500, { isMultiline: true }),
      text('when', t('activities.form.when'), v.when ?? '', 200),
      textBlock(`${t('activities.form.whenHint')} ${t('activities.form.zone', { zone: group.timeZone })}`, { isSubtle: true, size: 'Small' }),
      text('place', t('activities.form.place'), v.place ?? '', 200),
      text('cost', t('activities.form.cost'), v.cost ?? '', 100, { placeholder: t('activities.form.costPlaceholder') }),
      choice(t, 'effort', t('activities.form.effort'), effortLevels, 'activities.levels.effort', v.effort ?? 'low'),
      choice(t, 'travel', t('activities.form.travel'), travelLevels, 'activities.levels.travel', v.travel ?? 'local'),
      choice(t, 'costLevel', t('activities.form.costLevel'), costLevels, 'activities.levels.cost', v.costLevel ?? 'free'),
      text('other', t('activities.form.other'), v.other ?? '', 200),
    ],
    [
      {
        ...submit(t('activities.form.save'), {
          action: 'activities.propose.save',
          groupId: group.groupId,
          requestId: options.requestId,
          ...(options.proposalId ? { proposalId: options.proposalId } : {}),
          ...(options.ideaId ? { ideaId: options.ideaId } : {}),
        }),
        style: 'positive',
      },
      submitWithoutInputs(t('activities.form.cancel'), { action: 'activities.propose.cancel' }),
    ],
  );
}
