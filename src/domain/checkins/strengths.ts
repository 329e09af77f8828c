import { z } from 'zod';

/**
 * The six groups of ESCO's transversal skills and competences (model of 2020). Only the group is kept
 * in the data; the words a person reads are ours (locales: checkins.escoGroups.*, checkins.strengths.*).
 */
export const escoGroups = ['core', 'thinking', 'selfManagement', 'socialCommunication', 'physicalManual', 'life'] as const;
export type EscoGroup = (typeof escoGroups)[number];

/** Strengths in plain words, each with its ESCO transversal group. Ids are stored: never rename one. */
export const strengthCatalogue = [
  { id: 'readWrite', group: 'core' },
  { id: 'calculated', group: 'core' },
  { id: 'digital', group: 'core' },
  { id: 'otherLanguage', group: 'core' },
  { id: 'solvedProblem', group: 'thinking' },
  { id: 'plannedAhead', group: 'thinking' },
  { id: 'newIdea', group: 'thinking' },
  { id: 'learnedSomething', group: 'thinking' },
  { id: 'keptTime', group: 'selfManagement' },
  { id: 'triedNew', group: 'selfManagement' },
  { id: 'keptGoing', group: 'selfManagement' },
  { id: 'tookInitiative', group: 'selfManagement' },
  { id: 'spokeUp', group: 'socialCommunication' },
  { id: 'helpedSomeone', group: 'socialCommunication' },
  { id: 'listened', group: 'socialCommunication' },
  { id: 'workedTogether', group: 'socialCommunication' },
  { id: 'askedForHelp', group: 'socialCommunication' },
  { id: 'physicallyActive', group: 'physicalManual' },
  { id: 'handsOn', group: 'physicalManual' },
  { id: 'foundTheWay', group: 'physicalManual' },
  { id: 'lookedAfterHealth', group: 'life' },
  { id: 'managedMoney', group: 'life' },
  { id: 'communityPart', group: 'life' },
  { id: 'environment', group: 'life' },
] as const satisfies ReadonlyArray<{ id: string; group: EscoGroup }>;

export type StrengthId = (typeof strengthCatalogue)[number]['id'];
export const strengthIds = strengthCatalogue.map((s) => s.id) as [StrengthId, ...StrengthId[]];
export const strengthIdSchema = z.enum(strengthIds);

export const groupOf = (id: StrengthId): EscoGroup => strengthCatalogue.find((s) => s.id === id)!.group;

/** The catalogue in ESCO group order: what a card or a numbered list shows. */
export const strengthsByGroup = (): Array<{ group: EscoGroup; ids: StrengthId[] }> =>
  escoGroups.map((group) => ({ group, ids: strengthCatalogue.filter((s) => s.group === group).map((s) => s.id) }));

/** The numbers of a typed list are 1-based positions in catalogue order. */
export const strengthByNumber = (n: number): StrengthId | undefined => strengthCatalogue[n - 1]?.id;
