import { words } from './words.js';

/**
 * Parts of the body and the voice, as the subject of a beat: `His thumb ran over her knuckles.`,
 * `Her voice shook.` — the one they belong to is acting.
 */
export const BODY_PARTS: ReadonlySet<string> = new Set(
  words(`
    hand hands thumb thumbs finger fingers fist fists arm arms shoulder shoulders head face eyes
    eye gaze glance brow brows eyebrow eyebrows mouth lips lip jaw chin cheeks cheek voice throat
    smile heart chest breath knees feet foot legs
  `),
);
