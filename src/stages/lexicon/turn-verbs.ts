import { words } from './words.js';

/**
 * The kind of verb in a narration sentence between two turns whose subject is a character other
 * than the one who spoke last (`Ann turned to him.` / `Ann looked at him.`), for the speaker CRF.
 * All inflected forms are listed (the token layer has no lemmas).
 *
 * Why: measured on the 21 PDNC novels (untagged turns after such a sentence, gold speakers), a
 * subject who moves, gestures or shows a feeling — turns, rises, leans forward, smiles, sighs,
 * reflects — speaks next about 69% of the time and the previous speaker goes on about 23%; after a
 * subject who only watches or listens (looked at, stared, listened) or nods/bows/shrugs the figures
 * are 57% / 37%, and after any other verb (`was silent`, `made no answer`, `asked whether…`,
 * `was pale`) 42% / 40%. Perceiving verbs were expected to keep the floor with the previous
 * speaker; they do so only a little more than the average, so they form a class of their own.
 */

/** Moving, handling, showing a feeling or thinking: the subject is about to speak. */
export const ACTING_VERBS: ReadonlySet<string> = new Set(
  words(`
  turn turns turned turning come comes came coming rise rises rose risen rising stand stands stood
  standing lean leans leaned leant leaning draw draws drew drawn drawing approach approaches
  approached approaching step steps stepped stepping advance advances advanced advancing walk walks
  walked walking go goes went going sit sits sat sitting seat seats seated stop stops stopped
  stopping pause pauses paused pausing lift lifts lifted lifting raise raises raised raising put
  puts putting take takes took taken taking hold holds held holding hand hands handed handing
  stretch stretches stretched stretching lay lays laid laying open opens opened opening throw
  throws threw thrown throwing get gets got getting move moves moved moving bend bends bent bending
  smile smiles smiled smiling laugh laughs laughed laughing sigh sighs sighed sighing blush blushes
  blushed blushing frown frowns frowned frowning flush flushes flushed flushing colour colours
  coloured colouring color colors colored coloring grin grins grinned grinning groan groans groaned
  groaning sneer sneers sneered sneering chuckle chuckles chuckled chuckling giggle giggles giggled
  giggling wince winces winced wincing start starts started starting weep weeps wept weeping burst
  bursts bursting sob sobs sobbed sobbing
  think thinks thought thinking feel feels felt feeling wonder wonders wondered wondering reflect
  reflects reflected reflecting consider considers considered considering know knows knew knowing
  understand understands understood understanding seem seems seemed seeming appear appears appeared
  appearing remember remembers remembered remembering recollect recollects recollected recollecting
`),
);

/** Watching or listening, or a nod, bow or shrug: the subject answers only a little more often. */
export const WATCHING_VERBS: ReadonlySet<string> = new Set(
  words(`
  look looks looked looking watch watches watched watching stare stares stared staring gaze gazes
  gazed gazing glance glances glanced glancing listen listens listened listening hear hears heard
  hearing see sees saw seen seeing wait waits waited waiting hesitate hesitates hesitated
  hesitating observe observes observed observing eye eyes eyed eyeing regard regards regarded
  regarding notice notices noticed noticing survey surveys surveyed surveying scrutinise
  scrutinised scrutinize scrutinized
  nod nods nodded nodding bow bows bowed bowing shake shakes shook shaken shaking shrug shrugs
  shrugged shrugging
`),
);
