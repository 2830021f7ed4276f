// The closed-class vocabulary recognition relies on: words of titles, heads of organisation and event names,
// honorifics, name particles. These are English grammar of official writing, not facts about any corpus: a
// White House or UN release uses the same words ("Secretary", "Council", "Summit"). Names themselves never
// live here; they come from the country gazetteer, from patterns in the text, or from annotations/entities.yaml.

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Words a title is made of: "Deputy Secretary General", "Lieutenant General", "Minister-Delegate". */
export const TITLE_WORDS = words(`
  president vice prime minister ministers secretary general deputy chair chairman chairwoman chairperson admiral
  lieutenant brigadier major colonel captain commander chief governor professor ambassador spokesperson
  spokesman spokeswoman senator congressman congresswoman king queen prince princess chancellor director
  inspector sergeant sgt corporal marshal mayor premier pope sheikh emir commissioner envoy representative
  delegate undersecretary assistant attorney judge speaker leader head officer counsellor counselor adviser
  advisor coordinator executive foreign defence defense high special permanent gen lt col maj capt cmdr adm brig
  sen rep gov pres prof amb supreme allied first second lady gentleman principal resident under treasurer scientist
  taoiseach tanaiste federal crown mantri pradhan
`);

/** Title words that can end a title ("Prime Minister") rather than only qualify one ("Foreign", "Deputy"). */
export const TITLE_HEADS = words(`
  president minister secretary general chair chairman chairwoman chairperson admiral commander chief governor
  professor ambassador spokesperson spokesman spokeswoman senator congressman congresswoman king queen prince
  princess chancellor director inspector sergeant sgt corporal marshal mayor premier pope sheikh emir
  commissioner envoy representative delegate undersecretary judge speaker leader officer counsellor counselor
  adviser advisor coordinator colonel captain lieutenant brigadier gen lt col maj capt cmdr adm sen rep gov pres
  prof amb treasurer scientist taoiseach tanaiste mantri
`);

/** Portfolio words after "of"/"for" in a title: "Minister of Foreign Affairs", "Chief of the Air Force". */
export const PORTFOLIO_WORDS = words(`
  defence defense foreign affairs interior home transport transportation communications state finance
  treasury justice health education economy economic trade industry agriculture energy environment labour
  labor culture european euro atlantic integration development security national air force forces
  navy naval army staff armed military intelligence operations policy digital science technology research
  homeland veterans international relations cooperation administration and the public services infrastructure
  climate commerce employment social welfare tourism sport sports youth women family exchequer emergency relief
  humanitarian political peacebuilding peacekeeping business opposition raksha videsh grih
`);

/**
 * Courtesy titles before a name: "Mr Stoltenberg", "His Excellency Mohamed Ould Ghazouani"; Indian official writing
 * puts "Shri" and "Smt." where English puts "Mr" and "Mrs" ("Shri Rajnath Singh").
 */
export const HONORIFICS = words('mr mrs ms miss mister madam dr sir dame lord lady excellency hon honourable honorable rt shri smt shrimati');

/** Last words of organisation names: "Military Committee", "European Union", "Reuters News Agency". */
export const ORGANISATION_HEADS = words(`
  organisation organization council committee commission alliance union nations agency assembly parliament
  congress senate ministry department office forces army navy command centre center fund party directorate
  bank headquarters hq institute university college court government service services corps authority
  association foundation coalition chamber house cabinet secretariat board bureau police guard journal times
  post news press radio tv television broadcasting gazette herald tribune network company corporation
  group
`);

/** Last words of event names: "Washington Summit", "Jeju Forum", "Cold War". */
export const EVENT_HEADS = words('summit forum conference session war games olympics congress meeting exercise talks');

/** Last words of geographic names: "East China Sea", "Second Thomas Shoal", "Western Balkans" stay places. */
export const PLACE_HEADS = words(`
  sea ocean river strait straits gulf mountains mountain island islands peninsula shoal basin desert lake valley bay
  coast canal channel balkans caucasus
`);

/** Generational suffixes that end a personal name: "Gilberto Teodoro Jr.", "Lloyd J. Austin III". */
export const NAME_SUFFIXES = words('jr sr ii iii iv');

/** Verbs of movement: "travel to Tokyo", "arrived in Kyiv" name a place, not the state. */
export const MOVEMENT_VERBS = words(
  'travel travels travelled traveled travelling traveling fly flies flew go goes went return returns returned arrive arrives arrived come comes came head heads headed',
);

/** Words that turn the capitalised words after them into an event: "Exercise Northern Forest 24". */
export const EVENT_LEADS = words('exercise operation');

/** Lower-case words allowed inside a name: "Social Democratic Party of Germany", "Mohamed Ould Ghazouani". */
export const NAME_CONNECTORS = words('of for the and & de du da dos das van von der den la le al el bin ibn ould y');

/** Prepositions after which a capital city names a place, not the state: "a summit in Washington". */
export const LOCATIVE_PREPOSITIONS = words('in at near around outside inside across of visited visit visiting');

/** Nouns after which "in <capital>" means the state: "the regime in Moscow", "the government in Beijing". */
export const GOVERNMENT_NOUNS = words('regime government authorities leadership administration rulers officials junta leaders');

/** Capitalised words that are never names by themselves. */
export const CALENDAR_WORDS = words(`
  january february march april may june july august september october november december monday tuesday
  wednesday thursday friday saturday sunday
`);

/** Determiners and pronouns that start sentences; they end or precede a name, never begin one. */
export const FUNCTION_WORDS = words(`
  the a an this that these those our their his her its my your we i he she it they you in on at to of for and
  but or so if when as by with from after before since during today yesterday tomorrow also then there here
  what who how why where which all every each many some more most both other another dear thank thanks good
`);

/**
 * Verbs of title-case headlines ("President Biden Announces New Actions", "Secretary-General Welcomes
 * Agreement"): they end a name, they are never part of one.
 */
export const HEADLINE_VERBS = words(`
  announces holds welcomes hosts visits meets names opens signs launches calls urges extends appoints travels
  condemns discusses addresses reaffirms outlines publishes participates delivers issues releases congratulates
  arrives speaks tours testifies praises highlights commends
  hold welcome host visit meet sign launch announce discuss reaffirm
`);

/** Upper-case abbreviations of common nouns: never an organisation. */
export const NON_ENTITY_ABBREVIATIONS = words(`
  gdp gnp ceo cfo coo cto ok am pm faq pdf url http https id ai hiv aids dna usd eur gbp utc gmt tv vip diy
  covid qa edt est cdt cst pdt pst bst cet cest gmt fact sheet readout
`);
