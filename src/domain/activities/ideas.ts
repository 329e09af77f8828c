import type { Demands } from './proposal';

/**
 * The idea library: things "different from the normal daily activities" a group of four can do cheaply in
 * a Finnish town. Demands live here; the words live in locales (activities.ideas.<id>.title / .description).
 */
export interface Idea {
  id: string;
  demands: Demands;
}

export const ideas: readonly Idea[] = [
  { id: 'gymGroup', demands: { effort: 'high', travel: 'local', cost: 'low' } },
  { id: 'natureWalk', demands: { effort: 'medium', travel: 'local', cost: 'free' } },
  { id: 'museumFreeDay', demands: { effort: 'low', travel: 'local', cost: 'free' } },
  { id: 'workplaceVisit', demands: { effort: 'low', travel: 'local', cost: 'free' } },
  { id: 'cookingTogether', demands: { effort: 'low', travel: 'none', cost: 'low' } },
  { id: 'makerSpace', demands: { effort: 'low', travel: 'local', cost: 'free' } },
  { id: 'volunteerMorning', demands: { effort: 'medium', travel: 'local', cost: 'free' } },
  { id: 'discGolf', demands: { effort: 'medium', travel: 'local', cost: 'free' } },
  { id: 'swimming', demands: { effort: 'high', travel: 'local', cost: 'low' } },
  { id: 'jobFair', demands: { effort: 'low', travel: 'local', cost: 'free' } },
  { id: 'schoolOpenDay', demands: { effort: 'low', travel: 'local', cost: 'free' } },
  { id: 'photoWalk', demands: { effort: 'low', travel: 'local', cost: 'free' } },
  { id: 'communityGarden', demands: { effort: 'medium', travel: 'local', cost: 'free' } },
  { id: 'repairCafe', demands: { effort: 'low', travel: 'local', cost: 'free' } },
  { id: 'languageCafe', demands: { effort: 'low', travel: 'local', cost: 'free' } },
  { id: 'dayTrip', demands: { effort: 'medium', travel: 'far', cost: 'some' } },
];

export const ideaById = (id: string | undefined) => ideas.find((i) => i.id === id);
