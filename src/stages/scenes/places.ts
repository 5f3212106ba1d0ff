import { words } from '../lexicon/words.js';

/**
 * Words that signal a change of place at the start of a paragraph: a locative opener ("At the
 * station, …", "In London, …", "Back in the town …", "Across the water, …") or a verb of travel or
 * arrival in the first sentence ("they drove to the village", "We arrived back", "she went home").
 */

/**
 * Prepositions (and two-word openers) that put a scene somewhere when they open a paragraph. "Back
 * in", "Once in", "Across", "Meanwhile, at" say the place is new; plain "At"/"In" only with a
 * comma after the place ("At the harbour office, a clerk …") or a place not seen just before.
 */
export const STRONG_LOCATIVE_OPENERS: readonly string[] = [
  'back in',
  'back at',
  'back to',
  'back home',
  'once in(?! a while)',
  'once at',
  'across',
  'over in',
  'over at',
  'down in',
  'down at',
  'up in',
  'up at',
  'out in',
  'out at',
  'elsewhere',
  'far away',
  'meanwhile, at',
  'meanwhile, in',
  'meanwhile, on',
  'meanwhile, back',
];

export const LOCATIVE_PREPOSITIONS = words(`
  at in inside outside on beyond behind beside near under along across by aboard within
  upstairs downstairs`);

/**
 * Verbs of travel and arrival, all forms. With a destination ("to the village", "home", "into the
 * hall") or alone when the verb itself arrives ("arrived", "reached").
 */
export const TRAVEL_VERBS = words(`
  go goes went going gone walk walks walked walking drive drives drove driving driven ride rides
  rode riding ridden run ran travel travelled traveled travelling journeyed sail sailed sailing
  fly flew flown climb climbed hurry hurried hurrying head headed heading return returned returning
  set sets cross crossed crossing descend descended descending take took make made
  stagger staggered wander wandered stroll strolled strolling march marched limp limped`);

/** Verbs that arrive by themselves: "We arrived back", "they reached the inn", "Margaret got home". */
export const ARRIVAL_VERBS = words(`
  arrive arrives arrived arriving reach reaches reached reaching enter entered entering land
  landed landing`);

/** Words after a travel verb that make it a journey somewhere: "to", "home", "into", "back" … */
export const DESTINATION_WORDS = words(`
  to into home back towards toward down up over across out away off through onto`);

/**
 * Nouns of place that, as the subject of a paragraph's first sentence ("The staff room on the
 * fourth floor had one window", "The hall smells of marigolds"), set a new scene when they were not
 * just mentioned.
 */
export const PLACE_NOUNS = words(`
  room rooms hall kitchen parlour parlor drawing-room study library office shop house cottage
  village town city square street road lane station platform harbour harbor quay pier beach
  church chapel churchyard garden gardens park field fields wood woods forest moor hill valley
  river inn hotel pub tavern bar cafe café restaurant court courtyard yard stable stables barn
  farm castle palace tower prison cell school classroom hospital ward ship deck cabin train
  carriage coach camp market fair club theatre theater bedroom attic cellar staircase corridor
  passage gallery verandah veranda porch terrace lawn orchard bridge dock docks wharf island
  shore coast cliff cliffs shed workshop factory mill mine bank chamber ballroom dining-room
  sitting-room breakfast-room nursery ward rectory vicarage parsonage abbey cathedral lodging
  lodgings lodge flat apartment office post-office`);
