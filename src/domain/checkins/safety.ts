/** The numbers the safety answer gives (settings; check them before going live). */
export interface SafetyNumbers {
  /** MIELI Mental Health Finland crisis line, Finnish, 24/7. */
  crisisLineFi: string;
  /** MIELI's Swedish-language crisis line (limited hours). */
  crisisLineSv: string;
  emergency: string;
}
