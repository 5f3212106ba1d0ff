import { words } from '../lexicon/words.js';

/**
 * Nouns for a person by the part they play ("the mariner", "the stranger", "the count"): in lower
 * case after "the", such a noun can stand for one character the way a name does, when the text
 * tags speech with it ("said the mariner"). Words for people in general ("man", "girl", "lady",
 * "child") and kinship words ("mother") are left out: "the man" is a different man from scene to
 * scene. Singular forms only.
 */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  words(`
  stranger visitor newcomer guide traveller traveler mariner sailor seaman fisherman boatman ferryman
  barman bartender landlord landlady innkeeper publican proprietor shopman shopkeeper shopwoman
  waiter waitress porter coachman cabman driver chauffeur conductor guard postman messenger
  butler footman valet maid housekeeper cook gardener gamekeeper groom nurse governess tutor
  doctor physician surgeon lawyer attorney solicitor clerk secretary professor schoolmaster
  schoolmistress vicar curate rector parson priest clergyman chaplain minister preacher monk nun
  policeman constable detective inspector superintendent sergeant officer soldier trooper captain
  colonel major general admiral lieutenant commander corporal marquis marquise count countess
  duke duchess baron baroness prince princess king queen emperor empress judge magistrate
  coroner critic artist painter sculptor poet novelist journalist reporter editor banker merchant
  peddler pedlar tramp beggar hermit farmer shepherd miller blacksmith carpenter stationmaster
  concierge manager director chairman president chief host hostess waggoner wagoner carter drover
  auctioneer jailer gaoler warder turnkey keeper sentry sentinel steward stewardess barber tailor
  baker butcher grocer ostler hostler usher herald scout trapper hunter ranger sheriff deputy
  marshal attendant orderly cashier engineer pilot purser boatswain
  `),
);
