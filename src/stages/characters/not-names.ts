import { words } from '../lexicon/words.js';

/**
 * Capitalised words that are not the names of characters, even when English writes them with a
 * capital inside a sentence. Lower case, as `TokenLayer.lower` holds them.
 */

/**
 * Never a character's name: function words (some are in the first-name lists: "My", "Had"), the
 * pronoun I, interjections, deities, book parts, kinship and address words.
 */
export const NEVER_NAMES: ReadonlySet<string> = new Set(
  words(`
  my me mine we us our you your he him his she her it its they them their the a an this that these
  those and but or nor if so as at by in on to up do did does is was are were be been am has have
  had not any all some one only just even ever see let come go well now then here there when what
  how who
  i o oh ah ay aye eh ha hein alas hey hurrah hush lo pooh pshaw tut why yes no nay amen ok okay hullo
  hallo halloa hello goodbye good-bye gawd lawd lor la lud
  god gods lord lords heaven heavens providence christ jesus saviour savior almighty creator devil satan
  lucifer deity virgin madonna allah jove jupiter hades hell paradise bible testament scripture
  scriptures gospel gospels psalm psalms church mass sabbath nature fate fortune death time
  chapter volume book part section canto letter project gutenberg ebook etext prologue epilogue
  preface introduction appendix contents index footnote note finis
  mamma mama mammy mom mommy mum mummy ma papa pa daddy dad grandmamma grandpapa grandma grandpa
  baby darling dear dearest love sweetheart
  sir madam madame ma'am mister monsieur mademoiselle signor signora senor senora herr frau
  majesty highness excellency lordship ladyship worship honour honor reverence eminence holiness
  mr mrs ms miss dr st esq
  parliament government court state empire republic army navy police council college university
  club society company bank office exchange
  `),
);

/**
 * Nationalities, faiths and parties: adjectives and group nouns, names only when the text treats
 * one as a person, as the nickname of a man who speaks ("'Sure,' Irish said", "said Dutch").
 */
export const NATIONALITIES: ReadonlySet<string> = new Set(
  words(`
  english french german italian spanish russian american irish scotch scottish scots welsh dutch swiss
  greek roman latin indian chinese japanese turkish polish austrian prussian hungarian portuguese
  swedish norwegian danish egyptian arab arabian persian jewish hebrew christian catholic protestant
  anglican methodist quaker puritan europe european british briton britons yankee creole spaniard
  englishman englishmen englishwoman frenchman frenchmen frenchwoman italians americans germans
  russians negro negroes pole poles jew jews belgian belgians dutchman dutchmen scotchman scotchmen
  irishman irishmen welshman spaniards turk turks swede swedes dane danes yorker yorkers londoner
  londoners parisian parisians conservative conservatives liberal liberals radical radicals tory
  tories whig whigs socialist socialists
  `),
);

/**
 * Names of days, months and feasts: names only when the text treats them as a person ("said
 * Sunday", "President Sunday"), as a few novels do.
 */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  words(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december christmas easter michaelmas lent whitsuntide
  midsummer candlemas lammas martinmas whit whitsun
  `),
);

/**
 * Places a novel often names without telling us they are places: continents, countries, regions,
 * large cities, English counties. Invented places ("Highbury") are told by how the text uses them.
 */
export const KNOWN_PLACES: ReadonlySet<string> = new Set(
  words(`
  africa america asia australia europe antarctica arctic atlantic pacific mediterranean
  england scotland wales ireland britain france germany italy spain portugal russia austria prussia
  hungary poland holland belgium switzerland sweden norway denmark greece turkey egypt india china
  japan persia arabia canada mexico brazil peru chile argentina cuba jamaica barbadoes barbados
  bohemia bavaria saxony flanders normandy brittany provence tuscany lombardy sicily naples venice
  rome milan genoa turin verona pisa siena paris lyons marseilles calais boulogne dieppe
  brussels antwerp amsterdam rotterdam hague berlin vienna munich dresden hamburg frankfort frankfurt
  baden geneva lausanne zurich berne petersburg moscow constantinople athens madrid lisbon cairo
  jerusalem bombay calcutta madras delhi london westminster bath bristol brighton oxford cambridge
  york manchester liverpool birmingham edinburgh glasgow dublin belfast cork portsmouth plymouth
  southampton dover canterbury winchester salisbury exeter weymouth lyme margate ramsgate
  cheltenham harrogate scarborough richmond windsor kensington chelsea hampstead islington
  greenwich piccadilly strand holborn cheapside mayfair belgravia soho
  kent surrey surry sussex essex hampshire devonshire devon cornwall somerset somersetshire dorset
  dorsetshire wiltshire gloucestershire oxfordshire berkshire buckinghamshire hertfordshire
  bedfordshire cambridgeshire norfolk suffolk lincolnshire yorkshire lancashire cheshire
  derbyshire nottinghamshire leicestershire northamptonshire warwickshire staffordshire
  shropshire worcestershire herefordshire northumberland cumberland westmorland durham
  boston chicago philadelphia baltimore carolina louisiana
  orleans massachusetts connecticut pennsylvania ohio kentucky tennessee texas california
  missouri mississippi alabama florida maryland jersey newport saratoga manhattan broadway
  brooklyn harlem pamplona biarritz bayonne burguete roulettenberg wiesbaden homburg
  thames seine rhine danube nile tiber hudson
  `),
);

/** Last words that make a capitalised phrase a place or a building: "Maple Grove", "Kellynch Hall". */
export const PLACE_HEADS: ReadonlySet<string> = new Set(
  words(`
  hall park street square abbey house lodge place castle church chapel road lane row terrace
  gardens garden cottage farm manor bridge inn hotel college school island isle bay cathedral
  gate forest valley lake sea ocean mountain mountains mount river avenue station hospital museum
  gallery theatre theater club palace tower towers green common heath moor downs vale crescent parade
  grove buildings rooms close market wharf docks harbour harbor port point cape channel falls
  springs hills islands priory rectory vicarage parsonage grange mills works company bank office
  society cafe café restaurant bar county city town village shire corner land way wood woods villa
  villas gables railway line block building
  `),
);

/** First words that make a capitalised phrase a place: "Port Burdock", "San Miniato", "Mount Vernon". */
export const PLACE_PREFIXES: ReadonlySet<string> = new Set(
  words(`
  port fort mount lake cape glen loch san santa santo sao são
  `),
);
