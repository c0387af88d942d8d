// The app's screens, in the order the navigation lists them. The end-to-end tests walk the same list,
// so a new screen is scanned for accessibility and clipping as soon as it is listed here.

export const SCREENS = [
  'Board',
  'Insights',
  'Roster',
  'Work',
  'Quarters',
  'Competency map',
  'Ladder',
  'History',
  'Import/Export',
  'Report',
] as const;
export type Screen = (typeof SCREENS)[number];
