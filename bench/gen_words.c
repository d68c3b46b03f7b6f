/* gen_words.c: sentence templates and word lists, written for attache's
 * benchmark corpus (not taken from any article). Placeholders are listed
 * in gen.h. */
#include "config.h"

#include "bench/gen.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ----------------------------------------------------------- Italian */

static const char *const it_rel[] = {
	"Tra {C} e {K} si parla ormai apertamente di {T}, secondo fonti diplomatiche.",
	"{C} e {K} hanno discusso di {T} durante un incontro a {L}.",
	"Il governo {A} ha evocato la parola {T} nei rapporti con {K}.",
	"A {L} i delegati di {C} e {K} hanno affrontato il capitolo {T} per oltre {N} ore.",
	"Sui rapporti tra {C} e {K} pesa il tema {T}, ha dichiarato {P}.",
	"Le relazioni tra {C} e {K} sono segnate da {T}, sostengono gli analisti.",
	"{P} ha definito «inevitabile» un passo verso {T} fra {C} e {K}.",
	"Secondo {O}, tra {C} e {K} il rischio di {T} resta concreto.",
	"Fonti vicine a {P} parlano di {T} tra {C} e {K} entro il {D}.",
	"Il dossier {T} tra {C} e {K} torna al centro dell'agenda di {O}.",
	"Il presidente {A} ha telefonato al suo omologo di {K}: sul tavolo c'è il tema {T}.",
	"Dopo mesi di stallo, {C} e {K} sembrano vicini a {T}.",
};

static const char *const it_plain[] = {
	"{P} ha incontrato i rappresentanti di {O} a {L}.",
	"Il ministero degli Esteri {A} ha diffuso una nota di {N} pagine.",
	"Secondo i dati di {O}, {X} è peggiorato del {Q} nell'ultimo trimestre.",
	"La decisione è attesa per il {D}, ha fatto sapere {P}.",
	"A {L} migliaia di persone sono scese in piazza per protestare contro {X}.",
	"Il pacchetto vale {M} e dovrebbe servire a {Y} entro la fine dell'anno.",
	"{C} ha annunciato di voler {Y}.",
	"Il portavoce di {O} ha ribadito che {X} resta una priorità.",
	"Nel frattempo {X} continua a preoccupare le cancellerie europee.",
	"Il governo {A} stima una crescita del {Q} per il prossimo anno.",
	"Il vertice di {L} si è chiuso senza una dichiarazione congiunta.",
	"{P} ha spiegato ai giornalisti che il governo intende {Y}.",
	"Gli osservatori sottolineano che {X} non si risolverà in tempi brevi.",
	"Il Parlamento di {C} ha approvato il testo con {N} voti favorevoli.",
	"Le stime parlano di {M} di danni e di almeno {N} sfollati.",
	"Il prossimo incontro è previsto a {L} il {D}.",
	"«Non accetteremo ultimatum», ha detto {P} in conferenza stampa.",
	"Le agenzie riferiscono di movimenti di truppe nei pressi di {L}.",
	"La delegazione di {O} resterà a {L} fino al {D}.",
	"Non è chiaro se {C} sia disposta a {Y}.",
	"L'inflazione è salita al {Q}, il livello più alto da {N} mesi.",
	"Diversi analisti ritengono che {X} sia destinato a pesare sui mercati.",
	"L'esercito {A} ha confermato l'invio di {N} mezzi nella regione di {L}.",
	"Il ministro ha ricordato che {X} era già stato discusso il {D}.",
	"Per {P} la priorità resta {Y}, come ribadito anche a {O}.",
	"Il bilancio prevede {M} per {X} nei prossimi {N} anni.",
};

static const char *const it_title[] = {
	"{C} e {K}, {T} al centro del vertice di {L}",
	"{P}: «{X} resta la priorità»",
	"{C}, il governo annuncia un piano da {M}",
	"{O} convoca una riunione d'urgenza su {X}",
	"Tensione a {L}, {P} chiede chiarimenti a {K}",
	"{C}-{K}, nuova fase dopo il voto del {D}",
	"Il nodo {T} tra {C} e {K}",
	"{X}: cosa cambia per {C}",
	"{C}, {P} apre a {K}: «Pronti a trattare»",
	"{O}, il rapporto su {X} divide {C} e {K}",
};

static const char *const it_conn[] = {
	"Tuttavia, ", "Inoltre, ", "Nel frattempo, ", "Secondo quanto riferito, ", "Intanto ",
	"Da parte sua, ", "In serata, ", "Allo stesso tempo, ", "Come previsto, ",
	"Di conseguenza, ", "Nelle stesse ore, ", "Già nei giorni scorsi ", "Non a caso, ",
	"In ogni caso, ", "Ieri, ", "Stamattina ",
};

static const char *const it_noun[] = {
	"la crisi energetica", "il prezzo del gas", "la questione migratoria",
	"il debito pubblico", "la sicurezza alimentare", "il corridoio del grano",
	"la transizione energetica", "il programma nucleare", "la ricostruzione",
	"il bilancio della difesa", "il negoziato sul clima", "la catena di approvvigionamento",
	"il cessate il fuoco", "la riforma del Consiglio di sicurezza", "l'inflazione",
	"il flusso di profughi", "la cybersicurezza", "l'accesso ai porti",
	"il commercio di armi", "la produzione di semiconduttori", "il tetto al prezzo del petrolio",
	"la libertà di navigazione", "lo scambio di prigionieri", "il dossier dei visti",
};

static const char *const it_verb[] = {
	"rafforzare la presenza militare nella regione", "ridurre la dipendenza dalle importazioni",
	"riaprire il dialogo", "rivedere gli impegni presi", "aumentare gli aiuti umanitari",
	"sospendere i voli diretti", "firmare un memorandum d'intesa", "convocare l'ambasciatore",
	"estendere le misure in vigore", "avviare una commissione d'inchiesta", "rinviare il voto",
	"investire nelle infrastrutture portuali", "chiudere lo spazio aereo",
	"rinegoziare le tariffe doganali", "espellere due diplomatici",
};

static const char *const it_month[] = {
	"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
	"luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
};

static const char *const it_city[] = {
	"Roma", "Bruxelles", "Washington", "Mosca", "Pechino", "Ginevra", "Milano", "Berlino",
};

const struct lang_words gen_it = {
	"it", it_rel, it_plain, it_title, it_conn, it_noun, it_verb, it_month, it_city,
	N(it_rel), N(it_plain), N(it_title), N(it_conn), N(it_noun), N(it_verb), N(it_city),
	" milioni di euro", ',', " per cento",
};

/* ----------------------------------------------------------- English */

static const char *const en_rel[] = {
	"{C} and {K} discussed {T} during talks in {L}.",
	"Officials in {C} said {T} with {K} was now on the table.",
	"Relations between {C} and {K} have been marked by {T}, analysts say.",
	"{P} described {T} between {C} and {K} as \"unavoidable\".",
	"According to {O}, the risk of {T} between {C} and {K} remains real.",
	"Delegations from {C} and {K} spent {N} hours on {T} in {L}.",
	"Sources close to {P} spoke of {T} between {C} and {K} by {D}.",
	"The question of {T} between {C} and {K} is back on the agenda of {O}.",
	"Talks on {T} between {C} and {K} resumed on {D}.",
	"After months of deadlock, {C} and {K} appear close to {T}.",
	"The leader of {C} called his counterpart in {K}; {T} topped the agenda.",
	"Diplomats expect {T} between {C} and {K} to dominate the week.",
};

static const char *const en_plain[] = {
	"{P} met representatives of {O} in {L}.",
	"The foreign ministry of {C} issued a {N}-page statement.",
	"Figures from {O} show {X} worsened by {Q} in the last quarter.",
	"A decision is expected on {D}, {P} said.",
	"Thousands of people took to the streets of {L} to protest against {X}.",
	"The package is worth {M} and is meant to {Y} by the end of the year.",
	"{C} announced plans to {Y}.",
	"A spokesperson for {O} said {X} remained a priority.",
	"Meanwhile {X} continues to worry European capitals.",
	"The government of {C} expects growth of {Q} next year.",
	"The summit in {L} ended without a joint declaration.",
	"{P} told reporters the government intends to {Y}.",
	"Observers stress that {X} will not be resolved quickly.",
	"The parliament of {C} passed the bill with {N} votes in favour.",
	"Estimates put the damage at {M}, with at least {N} people displaced.",
	"The next meeting is scheduled in {L} on {D}.",
	"\"We will not accept ultimatums,\" {P} told a press conference.",
	"News agencies report troop movements near {L}.",
	"The {O} delegation will stay in {L} until {D}.",
	"It is unclear whether {C} is willing to {Y}.",
	"Inflation rose to {Q}, the highest level in {N} months.",
	"Several analysts believe {X} is bound to weigh on markets.",
	"The army of {C} confirmed it had sent {N} vehicles to the {L} area.",
	"The minister recalled that {X} had already been discussed on {D}.",
	"For {P} the priority is still to {Y}, as also stated at {O}.",
	"The budget sets aside {M} for {X} over the next {N} years.",
};

static const char *const en_title[] = {
	"{C} and {K} put {T} at the heart of {L} summit",
	"{P}: {X} remains the priority",
	"{C} unveils {M} plan",
	"{O} calls emergency meeting on {X}",
	"{C}-{K} ties enter new phase after {D} vote",
	"What {X} means for {C}",
	"Tension in {L} as {P} presses {K}",
	"{T} looms over {C} and {K}",
	"{C}: {P} signals opening to {K}",
	"{O} report on {X} divides {C} and {K}",
};

static const char *const en_conn[] = {
	"However, ", "In addition, ", "Meanwhile, ", "Reportedly, ", "At the same time, ",
	"For its part, ", "Later in the evening, ", "As expected, ", "As a result, ",
	"Earlier this week, ", "Not by chance, ", "In any case, ", "Yesterday, ",
	"On Monday, ", "By contrast, ", "Separately, ",
};

static const char *const en_noun[] = {
	"the energy crisis", "the gas price", "the migration issue", "public debt",
	"food security", "the grain corridor", "the energy transition", "the nuclear programme",
	"reconstruction", "the defence budget", "the climate negotiations", "the supply chain",
	"the ceasefire", "reform of the Security Council", "inflation", "the flow of refugees",
	"cybersecurity", "access to ports", "the arms trade", "chip production",
	"the oil price cap", "freedom of navigation", "the prisoner exchange", "the visa dossier",
};

static const char *const en_verb[] = {
	"strengthen its military presence in the region", "cut its dependence on imports",
	"reopen dialogue", "review its commitments", "increase humanitarian aid",
	"suspend direct flights", "sign a memorandum of understanding", "summon the ambassador",
	"extend the measures in force", "set up a commission of inquiry", "postpone the vote",
	"invest in port infrastructure", "close its airspace", "renegotiate customs tariffs",
	"expel two diplomats",
};

static const char *const en_month[] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};

static const char *const en_city[] = {
	"Rome", "Brussels", "Washington", "Moscow", "Beijing", "Geneva", "London", "Berlin",
};

const struct lang_words gen_en = {
	"en", en_rel, en_plain, en_title, en_conn, en_noun, en_verb, en_month, en_city,
	N(en_rel), N(en_plain), N(en_title), N(en_conn), N(en_noun), N(en_verb), N(en_city),
	" million dollars", '.', " percent",
};

/* A dozen sources of our own invention, some Italian, some English. */
const char *const gen_sources[] = {
	"Corriere Estero", "Il Diplomatico", "Agenzia Meridiana", "Osservatorio Internazionale",
	"La Voce del Mondo", "Nuovo Orizzonte", "Global Desk", "The Foreign Ledger",
	"World Affairs Wire", "Atlantic Review", "Eastern Bulletin", "Capital Dispatch",
};
const size_t gen_nsources = N(gen_sources);
