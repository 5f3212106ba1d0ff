import { words } from './words.js';

/**
 * Verbs that introduce or tag direct speech ("said Emma", "she whispered"). Lower-case past and
 * present forms. Shared by sentence fix-ups (segment), quotation kinds (quotes) and attribution.
 * The list is the project's own, grown from reading tagged dialogue in public-domain novels.
 */

const BASE = words(`
  say ask reply answer cry exclaim shout whisper murmur mutter call continue add return rejoin
  retort respond remark observe declare insist explain protest interrupt interpose resume repeat
  begin scream yell bellow roar growl snap snarl hiss sigh groan moan sob laugh chuckle giggle
  smile grin sneer scoff gasp stammer stutter mumble grumble complain demand inquire enquire
  query suggest offer agree admit confess concede announce assert affirm assure warn plead beg
  urge command order tell breathe croak drawl purr chirp pipe squeak wail howl bark thunder sing
  chant recite read write think wonder muse reflect reason argue object counter correct persist
  pursue proceed go put struck venture hazard volunteer conclude finish note point state mention
  report recall remember cut break burst blurt greet reassure console soothe coax tease joke jest
  quip taunt mock challenge accuse admonish scold chide rebuke reproach lament moan whine sniff
  snort huff grunt rasp whimper prompt guess echo pray vow swear promise predict speculate
  conjecture acknowledge allow grant own rejoice exult boast brag sputter splutter cough shriek
  squeal yelp call hail summon address entreat implore proclaim exclaim inform remind instruct
  advise caution counsel apologise apologize thank congratulate welcome interject intervene retort
  reiterate murmur mouth stress emphasise emphasize specify confirm deny maintain contend claim
  suppose presume surmise hint imply intimate insinuate comment remonstrate expostulate cajole
  wheedle simper lisp falter quaver trill sneeze yawn bawl blubber snivel howl grumble gulp
  chime titter cackle guffaw snicker sniffle pant puff wheeze gabble babble prattle chatter
  rattle ramble drone intone pronounce decree announce rule conclude sum summarise summarize
  speak accost
`);

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  speak: ['spoke', 'speaks', 'speaking', 'spoken'],
  tell: ['told', 'tells', 'telling'],
  begin: ['began', 'begins', 'beginning', 'begun'],
  think: ['thought', 'thinks', 'thinking'],
  go: ['went', 'goes', 'going'],
  put: ['put', 'puts', 'putting'],
  break: ['broke', 'breaks', 'breaking', 'broken'],
  burst: ['burst', 'bursts', 'bursting'],
  cut: ['cut', 'cuts', 'cutting'],
  read: ['read', 'reads', 'reading'],
  write: ['wrote', 'writes', 'writing', 'written'],
  sing: ['sang', 'sings', 'singing', 'sung'],
  swear: ['swore', 'swears', 'swearing', 'sworn'],
  struck: ['struck'],
  grant: ['granted', 'grants'],
};

function inflect(verb: string): string[] {
  const irregular = IRREGULAR[verb];
  if (irregular) return [verb, ...irregular];
  const forms = [verb];
  const last = verb.at(-1);
  const cvc = /[^aeiou][aeiou][bdgmnprt]$/.test(verb) && verb.length <= 4;
  if (last === 'e') forms.push(verb + 'd', verb + 's', verb.slice(0, -1) + 'ing');
  else if (last === 'y' && !/[aeiou]y$/.test(verb))
    forms.push(verb.slice(0, -1) + 'ied', verb.slice(0, -1) + 'ies', verb + 'ing');
  else if (cvc) forms.push(verb + last + 'ed', verb + 's', verb + last + 'ing');
  else if (/(s|sh|ch|x|z)$/.test(verb)) forms.push(verb + 'ed', verb + 'es', verb + 'ing');
  else forms.push(verb + 'ed', verb + 's', verb + 'ing');
  return forms;
}

/** Every inflected form, mapped to its base verb. */
export const SPEECH_VERB_FORMS: ReadonlyMap<string, string> = new Map(
  BASE.flatMap((verb) => inflect(verb).map((form) => [form, verb] as const)),
);

/** Tag verbs that carry on the previous speech ("he went on", "she added"). */
export const CONTINUING_VERBS: ReadonlySet<string> = new Set([
  'continue',
  'go',
  'add',
  'resume',
  'pursue',
  'proceed',
]);

/** Base verbs that report thought rather than speech. */
export const THOUGHT_VERBS: ReadonlySet<string> = new Set(['think', 'wonder', 'muse', 'reflect', 'reason']);

/** Base verbs that report writing or reading rather than speech. */
export const WRITING_VERBS: ReadonlySet<string> = new Set(['write', 'read']);

/**
 * Core verbs that almost only tag speech. The broad list above also holds verbs that are often
 * narration ("she smiled"); attribution weighs the two groups differently.
 */
export const CORE_SPEECH_VERBS: ReadonlySet<string> = new Set(
  words(`
  say ask reply answer cry exclaim shout whisper murmur mutter call continue add return rejoin
  retort respond remark observe declare insist explain protest interrupt interpose resume repeat
  scream yell demand inquire enquire exclaim stammer stutter mumble gasp answer murmur
`),
);

export function speechVerbBase(lowerWord: string): string | undefined {
  return SPEECH_VERB_FORMS.get(lowerWord);
}
