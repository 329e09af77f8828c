export * from './ports';
export * from './checkIns';
export * from './safety';
export * from './myData';

import type { SafetyNumbers } from '../../domain/checkins';
import type { CheckInService } from './checkIns';
import type { MyDataService } from './myData';
import type { SafetyService } from './safety';

/** The check-in feature's services as the dialogs get them (RouterDeps.checkins). */
export interface CheckInFeature {
  checkIns: CheckInService;
  safety: SafetyService;
  myData: MyDataService;
  numbers: SafetyNumbers;
  /** The reviewed distress phrases (`checkins.safety.distressPhrases` in each locale file). */
  distressPhrases: readonly string[];
}
