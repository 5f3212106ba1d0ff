import { firstNameGender, isUnisexName } from '../lexicon/first-names.js';

/**
 * Familiar forms of English given names (Elizabeth ↔ Lizzy, Eliza; Robert ↔ Bob), the project's own
 * table, written from common English usage of the eighteenth to twentieth centuries. One group a
 * line: the formal name first, then its familiar forms. A familiar form may belong to several
 * groups (Kit: Christopher, Katherine); two names are equivalent when they share a group.
 */
const GROUPS = `
elizabeth eliza lizzy lizzie liz lizbeth beth betsy betsey betty bess bessie libby elsie lisa
robert bob bobby rob robin bert
william will willie willy bill billy
margaret meg maggie peggy madge marge margery marjorie greta rita daisy
katherine kate katie kitty kit cathy kathy kat katy
catherine kate katie kitty kit cathy kathy kat katy
katharine kate katie kitty kit cathy kathy kat katy
isabella bella belle isa izzy
isabel bella belle isa
thomas tom tommy
john jack johnny jacky
james jim jimmy jamie jem jemmy
richard dick dicky rick ricky
edward ned ted teddy eddie ed
henry harry hal hank
charles charlie charley chuck chas
frederick fred freddy freddie fritz
frederic fred freddy freddie
francis frank frankie
frances fanny frankie fran
mary molly polly mamie may mimi
anne annie nan nancy nanny
ann annie nan nancy nanny
anna annie nan nancy nanny
sarah sally sadie
susan sue susie sukey
susanna sue susie sukey
theodore teddy theo ted
theodora teddy theo dora
alexander alex sandy alec alick
alexandra alex sandra sandy
abraham abe
albert bert al
alfred alf alfie fred
andrew andy drew
anthony tony
antony tony
arthur art
benjamin ben benny
christopher chris kit
christina chris tina kit
christine chris tina
daniel dan danny
david dave davy
dorothy dolly dot dora dottie
dorothea dolly dot dora
eleanor nell nelly ellie nora
elinor nell nelly ellie nora
helen nell nelly nellie
ellen nell nelly nellie
emily emmy em
emma emmy em
george georgie
gilbert gil
harriet hattie hatty
jane jenny jennie janey jeannie
lucy lucia luce
joseph joe joey
josephine josie jo
lawrence larry laurie
laurence larry laurie
leonard len lenny
louisa lou lulu
louise lou lulu
martha mattie patty patsy
matthew matt
matilda tilly maud
michael mike mick mickey
nathaniel nat
nicholas nick
patricia pat patty
patrick pat paddy
peter pete
philip phil
rebecca becky
samuel sam sammy
stephen steve
steven steve
timothy tim
walter walt wat
jacob jake
augusta gussie
augustus gus
deborah deb debby
eugene gene
cecilia cissy cis
charlotte lottie
caroline carrie caro
edith edie
florence flo florrie
georgiana georgy
gertrude gertie trudy
henrietta hetty etta
hester hetty
esther hetty
jemima mima
joanna jo
judith judy
lydia liddy
millicent millie
olivia livy
rosamond rosie
rosalind rosie
theresa tess tessa terry
teresa tess tessa terry
victoria vicky
virginia ginny
winifred winnie
evelyn evie
evelina evie
reginald reggie rex
ronald ron
herbert herb bert
hubert bert
isaac ike
jeremiah jerry
jeremy jerry
kenneth ken
montague monty
oliver ollie
percival percy
randolph randy
raymond ray
solomon sol
vincent vince
agnes aggie
amelia millie emmy
barbara babs
bridget biddy
constance connie
diana di
euphemia effie
hannah nan
jessica jess
julia julie
letitia letty
penelope penny
philippa pippa
wilhelmina mina minnie
arabella bella
alexei alyosha
dmitri mitya
ivan vanya
nikolai kolya
mikhail misha
natalia natasha
maria masha
sophia sophie sonya
`;

const GROUP_LIST: readonly string[][] = GROUPS.split('\n')
  .map((line) => line.trim().split(/\s+/))
  .filter((g) => g.length > 1 && g[0] !== '');

/** The formal name of each group (its first word). */
const FORMAL: readonly string[] = GROUP_LIST.map((g) => g[0]!);

function buildIndex(): Map<string, number[]> {
  const index = new Map<string, number[]>();
  GROUP_LIST.forEach((group, i) => {
    for (const name of group) {
      const list = index.get(name) ?? [];
      list.push(i);
      index.set(name, list);
    }
  });
  return index;
}

const INDEX: ReadonlyMap<string, readonly number[]> = buildIndex();

/** Whether two given names (lower case) are the same name or familiar forms of one name. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = INDEX.get(a);
  const gb = INDEX.get(b);
  if (!ga || !gb) return false;
  return ga.some((g) => gb.includes(g));
}

/**
 * Whether one given name is the formal name of the other's familiar form ("elizabeth", "eliza"),
 * either way round: two familiar forms of one name ("lizzie", "bessie") may be two people.
 */
export function isFormalAndFamiliar(a: string, b: string): boolean {
  if (a === b) return false;
  const ga = INDEX.get(a);
  const gb = INDEX.get(b);
  if (!ga || !gb) return false;
  return ga.some((g) => gb.includes(g) && (FORMAL[g] === a || FORMAL[g] === b));
}

/** Whether a lower-case word is a given name the table knows, formal or familiar. */
export function isKnownGivenName(word: string): boolean {
  return INDEX.has(word);
}

/**
 * Whether the lists' gender for a given name is only a guess: a name both lists hold, which the
 * project's table gives to the sex that dominates in fiction ("Evelyn", "Leslie" to men).
 */
export function isGuessedGender(word: string): boolean {
  const listed = firstNameGender(word);
  return (listed === 'male' || listed === 'female') && isUnisexName(word);
}

/**
 * The gender a given name carries: the first-name lists' when they give one, else the one a
 * familiar form takes from its formal names ("Freddy" and "Reggie" are in both lists, but every
 * name they shorten is a man's); undefined when unknown or disputed.
 */
export function givenNameGender(word: string): 'male' | 'female' | undefined {
  const listed = firstNameGender(word);
  if (listed === 'male' || listed === 'female') return listed;
  const groups = INDEX.get(word);
  if (!groups) return undefined;
  let found: 'male' | 'female' | undefined;
  for (const g of groups) {
    const label = firstNameGender(FORMAL[g]!);
    if (label !== 'male' && label !== 'female') return undefined;
    if (found && found !== label) return undefined;
    found = label;
  }
  return found;
}

/**
 * Whether a familiar form shortens names of both sexes ("Kit": Christopher and Katherine; "Frankie":
 * Francis and Frances), so that it links to a formal name only where the genders agree. A formal
 * name given to both sexes fits either: "Evie" shortens Evelyn and Evelina, names a woman may have
 * both, and is no more ambiguous than "Evelyn" itself.
 */
export function isAmbiguousFamiliar(word: string): boolean {
  const groups = INDEX.get(word);
  if (!groups || groups.length < 2) return false;
  let male = false;
  let female = false;
  for (const g of groups) {
    const formal = FORMAL[g]!;
    if (isUnisexName(formal)) continue;
    const label = firstNameGender(formal);
    if (label === 'male') male = true;
    else if (label === 'female') female = true;
  }
  return male && female;
}
