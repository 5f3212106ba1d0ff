import { words } from '../lexicon/words.js';

/**
 * Verbs of perception, cognition and feeling: with a character as their subject in narration
 * ("she felt", "Edwin realised", "he could not help wondering") they report a mind from inside,
 * which is what makes that character the scene's focal character. All inflected forms are listed
 * (the token layer has no lemmas). Verbs of outward action ("looked", "turned") are left out: the
 * narration watches every character do those.
 */
export const PERCEPTION_VERBS: ReadonlySet<string> = new Set(
  words(`
  feel feels felt feeling think thinks thought thinking realise realises realised realising
  realize realizes realized realizing wonder wonders wondered wondering know knows knew knowing
  see sees saw seeing hear hears heard hearing notice notices noticed noticing remember remembers
  remembered remembering recall recalls recalled recalling understand understands understood
  understanding want wants wanted wish wishes wished wishing hope hopes hoped hoping fear fears
  feared believe believes believed believing suppose supposes supposed imagine imagines imagined
  imagining doubt doubts doubted suspect suspects suspected decide decides decided consider
  considers considered considering perceive perceives perceived sense senses sensed guess guessed
  forget forgets forgot forgotten long longs longed longing dread dreads dreaded smell smelled
  smelt taste tasted watch watches watched watching observe observed find finds found discover
  discovered recognise recognised recognize recognized dream dreams dreamed dreamt worry worries
  worried regret regretted reflect reflected reflecting marvel marvelled marvelled puzzle puzzled
  ponder pondered pondering resolve resolved determine determined conclude concluded trust trusted
  admire admired pity pitied envy envied hate hated love loved like liked dislike disliked
  despise despised miss missed expect expected anticipate anticipated judge judged reckon reckoned
  fancy fancied gather gathered`),
);

/**
 * Adjectives of a mental state after "was": "she was glad", "he was aware", "she was sure" (with
 * the older "surprized" of the public-domain novels).
 */
export const STATE_ADJECTIVES: ReadonlySet<string> = new Set(
  words(`
  aware conscious sure certain afraid glad sorry ashamed anxious uneasy pleased delighted
  relieved surprised surprized astonished amazed puzzled confused angry furious vexed annoyed irritated
  disappointed grateful thankful happy unhappy miserable tired weary curious impatient eager
  determined resolved convinced persuaded tempted inclined unable`),
);

/** "It seemed to her", "it occurred to him", "it struck her": the experiencer follows. */
export const EXPERIENCER_VERBS: ReadonlySet<string> = new Set(
  words('seemed seems appeared appears occurred occurs struck strikes came'),
);

/** Words between a subject and its verb that do not change who the subject is. */
export const SUBJECT_GAP_WORDS: ReadonlySet<string> = new Set(
  words(`
  had has have could would should might must did do does was were is not n't never only just
  still also then now suddenly again almost hardly scarcely already at once quite rather
  instantly slowly presently soon certainly really immediately even first`),
);
