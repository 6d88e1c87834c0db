import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { DialogContext, DialogSet, Recognizer } from 'botbuilder-dialogs';
import { testConfig } from '../../src/domain/config.js';
import {
  CONFIDENT_SCORE,
  createEmbeddedRecognizer,
  createRecognizer,
  interpretRecognition,
  MAX_RECOGNIZED_CHARS,
  rankIntents,
  type EmbeddedRecognizer,
  type EmbeddedRecognizerResult,
} from '../../src/domain/nlu/index.js';
import { holdsQuestion, readsAsQuestion } from '../../src/domain/nlu/messageShape.js';

let recognizer: EmbeddedRecognizer;

beforeAll(async () => {
  recognizer = await createEmbeddedRecognizer({ defaultLanguage: 'sv' });
});

const topIntent = (result: EmbeddedRecognizerResult) => rankIntents(result)[0]?.intent;

describe('embedded recognizer: intents and entities', () => {
  test.each([
    ['en', 'cancel our Enterprise plan now'],
    ['sv', 'säg upp vårt Enterprise-abonnemang nu'],
  ] as const)('%s: "%s" is a cancellation with plan enterprise and timing now', async (language, text) => {
    const result = await recognizer.recognizeText(text, language);
    expect(topIntent(result)).toBe('startCancellation');
    expect(result.entities.plan).toEqual(['enterprise']);
    expect(result.entities.timing).toEqual(['now']);
  });

  test.each([
    ['en', 'please cancel e3 at the end of the term', 'enterprise', 'termEnd'],
    ['sv', 'säg upp vårt office 365 för småföretag när perioden går ut', 'smallBusiness', 'termEnd'],
    ['en', 'end our midsize business subscription immediately', 'midsizeBusiness', 'now'],
  ] as const)('%s: "%s" carries plan %s and timing %s', async (language, text, plan, timing) => {
    const result = await recognizer.recognizeText(text, language);
    expect(result.entities.plan).toEqual([plan]);
    expect(result.entities.timing).toEqual([timing]);
  });

  test('inflected Swedish plan words are found ("produktnyckeln", "utvärderingsabonnemanget")', async () => {
    expect((await recognizer.recognizeText('vi köpte produktnyckeln av en partner', 'sv')).entities.plan).toEqual(['productKey']);
    expect((await recognizer.recognizeText('kan jag säga upp utvärderingsabonnemanget', 'sv')).entities.plan).toEqual(['trial']);
  });

  test('plans the article does not cover get no plan entity ("Business Basic")', async () => {
    const result = await recognizer.recognizeText('cancel our Microsoft 365 Business Basic', 'en');
    expect(result.entities.plan).toBeUndefined();
  });

  test('the question from the issue is about the trial, in Swedish', async () => {
    const result = await recognizer.recognizeText('varför kan jag inte säga upp min provperiod?', 'en');
    expect(topIntent(result)).toBe('trial');
    expect(result.language).toBe('sv');
  });

  test('a refund question is about product keys and refunds', async () => {
    expect(topIntent(await recognizer.recognizeText('will we get our money back?', 'en'))).toBe('productKey');
  });

  test('a switch-language request carries the language asked for', async () => {
    const result = await recognizer.recognizeText('could you please write in English instead', 'sv');
    expect(topIntent(result)).toBe('switchLanguage');
    expect(result.entities.language).toEqual(['en']);
  });

  test.each([
    ['en', 'how do I cancel my Azure subscription'],
    ['en', 'cancel Office 365 Home'],
    ['sv', 'hur säger jag upp Netflix'],
  ] as const)('%s: another product is out of scope ("%s")', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('outOfScope');
  });
});

describe('embedded recognizer: robustness', () => {
  test.each([
    ['en', 'how do i cancle my subscribtion', 'startCancellation'],
    ['sv', 'jag vill säga upp min prenumration', 'startCancellation'],
    ['sv', 'avsluta abonemang', 'startCancellation'],
    ['en', 'TURN OFF AUTORENEW!!!', 'termEnd'],
    ['en', 'what happens to our data 😟😟', 'data'],
    ['sv', 'vad händer med våra data', 'data'],
  ] as const)('%s: "%s" → %s', async (language, text, intent) => {
    const result = await recognizer.recognizeText(text, language);
    expect(topIntent(result)).toBe(intent);
  });

  test('typos are corrected in the text the classifier reads', async () => {
    expect((await recognizer.recognizeText('how do i cancle', 'en')).alteredText).toBe('how do i cancel');
    expect((await recognizer.recognizeText('säga upp min prenumration', 'sv')).alteredText).toBe('säga upp min prenumeration');
  });

  test(`a very long message is cut at ${MAX_RECOGNIZED_CHARS} characters and still understood`, async () => {
    const text = 'How do I turn off auto-renew? ' + 'We have many users and lots of details to share. '.repeat(200);
    const result = await recognizer.recognizeText(text, 'en');
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(MAX_RECOGNIZED_CHARS);
    expect(topIntent(result)).toBe('termEnd');
  });

  test.each(['', '   ', '🙂🙂🙂', '???', '\n'])('text %j gives no intent and no crash', async (text) => {
    const result = await recognizer.recognizeText(text, 'sv');
    expect(rankIntents(result)).toEqual([]);
    expect(result.intents).toEqual({ None: { score: 1 } });
    expect(interpretRecognition(result)).toEqual({ kind: 'none' });
  });

  test('an ordinary question is confident; the bot acts on it', async () => {
    const interpretation = interpretRecognition(await recognizer.recognizeText('how long is the term for enterprise', 'en'));
    expect(interpretation).toMatchObject({ kind: 'confident', intent: 'termLengths' });
  });
});

describe('embedded recognizer: signs that tell close intents apart', () => {
  test.each([
    // Proving who one is on the call is the details support checks (F14), not who may call or support.
    ['en', 'what identification do you need from the caller', 'verification'],
    ['sv', 'hur visar jag supporten att det är jag som ringer', 'verification'],
    // Whether a role may call or cancel is who may call (F15), not a request to cancel.
    ['sv', 'får kontorsansvarige avsluta prenumerationen om hen inte är admin?', 'whoMayCall'],
    ['sv', 'kan ekonomiavdelningen ringa och avsluta?', 'whoMayCall'],
    // How a trial ends is the trial rule (F01), not the term end or length.
    ['sv', 'vi kör Office 365 på prov just nu, måste vi stänga av förnyelsen eller tar det slut av sig självt?', 'trial'],
    ['en', "we're on the free trial, do I need to switch off auto-renew or does it stop on its own?", 'trial'],
    ['en', 'how long does the evaluation last', 'trial'],
    // Being stuck asks for help, whatever the step is about.
    ['sv', 'nu har jag fastnat i guiden', 'help'],
    ['sv', 'vi kommer ingenstans med det här steget', 'help'],
    ['en', "I'm getting nowhere with this step", 'help'],
    // Getting the data out is the data question (F11); being bound is the term length (F07).
    ['en', 'we want to download all mailboxes first, any advice', 'data'],
    ['sv', 'vi måste ladda ner alla mejl först, några tips', 'data'],
    ['sv', 'är vi låsta vid dem i ett år?', 'termLengths'],
    ['en', 'are we locked in once we sign?', 'termLengths'],
    // Stopping the renewal is cancelling at the term's end (F06).
    ['sv', 'avtalet får inte rulla vidare efter sommaren, hur gör jag', 'termEnd'],
    ['sv', 'var slår man av förlängningen', 'termEnd'],
    ['en', 'our plan must not roll over next spring, what now', 'termEnd'],
    // Deleting everything sooner is quick recall (F04).
    ['sv', 'kan kunddatan utplånas genast när vi har sagt upp', 'quickRecall'],
    ['en', 'we need everything wiped soon after cancelling, is that possible', 'quickRecall'],
    // A plan with a rule of its own, named, decides between those rules (Open/FPP, F08, not the trial's).
    ['en', 'we have a boxed version from a shop, does it just run out', 'openFpp'],
    // Between the trial and data, naming a trial decides.
    ['en', 'what happens to the files after the test period', 'trial'],
    ['sv', 'vad händer med filerna när gratisperioden är över', 'trial'],
    ['en', 'what happens to the mailboxes if we cancel?', 'data'],
    // A question that mentions cancelling is about the topic whose subject it names, not the path.
    ['sv', 'vi har en nyckel från vår leverantör, hur avslutar jag abonnemanget?', 'productKey'],
    ['en', 'we have a key from our supplier, how do I cancel the subscription?', 'productKey'],
    ['en', 'how do I cancel when our own domain still points at office 365?', 'domains'],
    // A term named with its ending, or the timing "at the end of the term", is cancelling at the term's end (F06).
    ['en', "I'd like to cancel once the contract period is over", 'termEnd'],
    ['sv', 'säg upp vid slutet av faktureringsperioden istället', 'termEnd'],
    ['sv', 'vi vill säga upp men först när avtalsperioden löper ut', 'termEnd'],
    // Another product named as where the admin is going leaves the question about our subscription; not leaving early is no early leaving.
    ['en', 'our firm is migrating to Google Workspace in June, how do we stop the subscription renewing?', 'termEnd'],
    ['sv', 'vi ska flytta till Google Workspace efter sommaren, hur ser vi till att abonnemanget inte förnyas?', 'termEnd'],
    ['sv', 'vi byter till Google Workspace när avtalsperioden är slut, hur gör vi?', 'termEnd'],
    ['en', "we're switching to Google Workspace, is there a fee for ending our annual plan early?", 'earlyTerminationFee'],
    ['en', 'we never want to leave before the end of term, only stop at expiry', 'termEnd'],
    ['sv', 'inget avslut i förtid, avtalet ska bara gå ut', 'termEnd'],
    // Another product's own subscription stays out of scope, even beside the one the admin is moving to.
    ['en', "we're moving to Google Workspace, how do I cancel our Dropbox too?", 'outOfScope'],
    // A count of days other than the usual 90 is haste: quick recall (F04).
    ['en', 'can we cancel and get all of it deleted in 3 days?', 'quickRecall'],
    // Not finding something asks where it is: a plan named there gets its own rule, not the path.
    ['en', "I can't find the cancel button for our trial", 'trial'],
    ['sv', 'jag hittar inte knappen för att avsluta provperioden', 'trial'],
    // Cancelling ("avbryta") with no word of the renewal is the path, not the term's end ("avbryt förnyelsen").
    ['sv', 'jag vill avbryta prenumerationen', 'startCancellation'],
    ['sv', 'avbryt vår prenumeration', 'startCancellation'],
    // A question that mentions cancelling is about the subject it names: the account's details or
    // a domain name written out (F10); a compound counts ("kontouppgifter").
    ['sv', 'vi tänker säga upp tjänsten nästa vecka, vilka kontouppgifter ska jag ha framme?', 'verification'],
    ['en', 'shop.example.net still sits in our tenant and we plan to cancel, what do I do with it?', 'domains'],
    // A Swedish compound that ends in deleting ("kontoradering") with haste is quick recall (F04), not the path.
    ['sv', 'omedelbar kontoradering vid uppsägning, är det möjligt?', 'quickRecall'],
    // A penalty for leaving is the fee for leaving early (F09), not the term's length.
    ['en', "we're three months into a yearly term, what penalties apply if we leave?", 'earlyTerminationFee'],
    // So is a cost of leaving before the end (a word of leaving early, or "before" with the term's end), however it is read.
    ['en', 'do we get billed extra if we stop before the term ends?', 'earlyTerminationFee'],
    ['en', 'will we be penalised if we leave now?', 'earlyTerminationFee'],
    ['en', 'what would we pay to walk away from the contract early', 'earlyTerminationFee'],
    ['en', 'is it more expensive to cancel immediately rather than at renewal?', 'earlyTerminationFee'],
    ['sv', 'tillkommer någon kostnad om vi avslutar direkt i stället för när perioden går ut?', 'earlyTerminationFee'],
    ['sv', 'får vi en faktura till om vi avslutar innan perioden är över?', 'earlyTerminationFee'],
    // Everyday work in the apps, and other subjects read with no confidence, are out of scope.
    ['sv', 'kan du boka ett möte i kalendern åt mig imorgon', 'outOfScope'],
    ['sv', 'hur ändrar jag en formel i excel', 'outOfScope'],
    // Another company's contract to cancel (a phone operator, accounting software) is out of scope, whatever the verb.
    ['en', 'how do I cancel QuickBooks for our firm?', 'outOfScope'],
    ['en', 'please end our T-Mobile contract for the sales team', 'outOfScope'],
    ['sv', 'jag vill avsluta företagets mobilavtal', 'outOfScope'],
    ['sv', 'hur säger vi upp telefonavtalet med operatören?', 'outOfScope'],
    // Everyday IT chores (a screen, a printer at the office, a laptop) are out of scope, not help; "kontoret" is no account.
    ['sv', 'min skärm flimrar, vad gör jag', 'outOfScope'],
    ['sv', 'skrivaren på kontoret matar inte papper, hjälp', 'outOfScope'],
    ['en', 'my laptop screen stopped working, can you help', 'outOfScope'],
    // A greeting wins only when nothing of substance follows it: the rest, about proving who one is on the call, is verification (F14).
    ['sv', 'Hallå, hur bevisar jag att jag äger kontot när jag ringer?', 'verification'],
    ['sv', 'god morgon, hur verifierar ni mig när jag ringer om uppsägningen?', 'verification'],
    // Proving who one is, read as a topic whose subject it does not name, is verification too.
    ['en', 'will support verify who we are when I phone?', 'verification'],
    ['sv', 'måste jag uppge vårt organisationsnummer till supporten?', 'verification'],
    // A director, or a role at the end of a Swedish compound ("licensadministratör"), asking to call is who may call (F15).
    ['sv', 'kan vår direktör ringa supporten och säga upp åt oss?', 'whoMayCall'],
    ['en', 'can our finance director phone in the cancellation instead of me?', 'whoMayCall'],
    ['sv', 'duger det om vår licensadministratör ringer och avslutar?', 'whoMayCall'],
    // Another person asked to call after the message's first word is who may call too (asksWhetherAnotherMayCall).
    ['en', 'and can payroll ring them?', 'whoMayCall'],
    // Asking someone to help cancel is a request: the path, not the term's end nor help.
    ['sv', 'kan ni hjälpa mig att avbryta vårt abonnemang', 'startCancellation'],
    ['sv', 'kan du hjälpa mig avbryta vårt konto tack', 'startCancellation'],
    // Closing words in either word order or verb form end the conversation; so does declining more help with them.
    ['sv', 'då är vi klara, du får gärna stänga samtalet', 'endConversation'],
    ['sv', 'tack men jag behöver ingen hjälp längre, hejdå', 'endConversation'],
    ['en', "ok we're finished here", 'endConversation'],
    // Starting over is the conversation's, not a topic whose subject the message does not name.
    ['sv', 'kan vi köra allt från början, jag hänger inte med', 'startOver'],
    // Whether the guide is for us (F16): not who may call when no call is named, nor an unsure guess.
    ['en', "I'm an ordinary user with no admin role, is this guide for me?", 'appliesTo'],
    ['en', 'have I come to the right place with an enterprise plan', 'appliesTo'],
    ['sv', 'har jag kommit till rätt ställe om vi har enterprise', 'appliesTo'],
    // A run-on question the classifier places nowhere that names one fact's subject (the documents) is that fact's.
    ['sv', 'hej vi är ett litet bageri med tre anställda och har kört office 365 länge men nu byter vi till ett annat system så jag undrar vad som händer med alla dokumenten i onedrive sen', 'data'],
    ['en', "we're a three person bakery that has used office 365 for ages but we are switching to something else so i wonder what happens to all the documents in onedrive afterwards", 'data'],
    // How long there is before the data goes, cancelling "now", is the data's 90 days (F11), not haste.
    ['en', 'If we cancel now, how long do we have before the mailboxes get deleted?', 'data'],
    // Backing up before leaving, whether it goes "på en gång", and how long it stays ("kvar", "stay") after cancelling are the data's (F11).
    ['sv', 'backa upp kundlistan innan vi stänger, går det', 'data'],
    ['sv', 'rensas kontot på en gång efter uppsägningen eller', 'data'],
    ['sv', 'hur länge ligger sakerna kvar när vi väl har sagt upp', 'data'],
    ['sv', 'hur länge stannar sakerna kvar efter uppsägningen', 'data'],
    ['en', 'how long does our stuff stay around after we cancel', 'data'],
    // "gone"/"borta" is deleting: wanting it gone fast is quick recall (F04).
    ['en', 'we want every mailbox gone fast once we cancel', 'quickRecall'],
    // Asking how to use the assistant itself, naming no subject of ours, is help.
    ['sv', 'hur funkar chattboten', 'help'],
    ['en', 'how am I supposed to use this chat', 'help'],
  ] as const)('%s: "%s" is confidently %s', async (language, text, intent) => {
    expect(interpretRecognition(await recognizer.recognizeText(text, language))).toMatchObject({ kind: 'confident', intent });
  });

  test.each([
    ['en', 'what proves I am the admin on the call', 'whoMayCall'],
    ['en', 'are we stuck with a yearly commitment?', 'termLengths'],
    ['en', "we're stuck on the enterprise plan until next year", 'termLengths'],
    ['sv', 'kan vi ladda ner spel från xbox', 'outOfScope'],
    ['sv', 'hur lång är perioden innan den förnyas', 'termLengths'],
    ['en', 'how long must we wait until the data is deleted', 'data'],
    ['en', 'will users still be able to open onedrive the day after we cancel?', 'data'],
    // A topic read without its subject, when another topic's subject is named, is that other topic.
    ['sv', 'vi köpte det i detaljhandeln, hur säger jag upp det?', 'openFpp'],
    ['sv', 'avbryt förnyelsen av vår licens', 'termEnd'],
    // Bringing back what was cancelled is reactivation (F05), first though who may call stays offered beside it.
    ['en', 'someone on our team cancelled the plan a month ago, could it be brought back?', 'reactivate'],
    // The term's length needs a word of time or of being bound: a plan named alone is not a question of length.
    ['sv', 'vi är på midsize business, kan du svara om vår plan?', 'appliesTo'],
    // A question clause asking for guidance, no topic, keeps the path.
    ['sv', 'jag vill säga upp vårt abonnemang, kan du hjälpa mig?', 'startCancellation'],
    // Leaving before the term's end is the fee (F09), not the term's end.
    ['en', 'is there a charge if we cancel before the term is over', 'earlyTerminationFee'],
    // A reading about a subject named keeps its subject: both the key and the call named, the key's question stays.
    ['sv', 'kan vi få pengarna tillbaka om vi köpte med produktnyckel', 'productKey'],
    // Small talk after a greeting is still the greeting ("idag" is no word of the details, though it begins with "id").
    ['sv', 'tjena, hur mår du idag?', 'greeting'],
    // Asking for help to stop the renewal stays the term's end (F06).
    ['sv', 'kan du hjälpa mig att avbryta förnyelsen', 'termEnd'],
  ] as const)('%s: the signs give way where the message says more: "%s" stays %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test.each([
    // A right to call named, even without a question's form, is who may call (F15), not the path nor a request for support.
    ['sv', 'behörighet att ringa supporten för uppsägning', 'whoMayCall'],
    ['sv', 'befogenhet att ringa in och säga upp tjänsten', 'whoMayCall'],
    ['en', 'the permissions you need for phoning in a cancellation', 'whoMayCall'],
    // Sentences about the firm, then the question: the question sentence's topic answers, not what the firm's story leans to.
    ['en', "We're a small architects' office and have paid for Office 365 since 2018. Our new owner prefers another provider, so we are moving over. What happens with our DNS settings then?", 'domains'],
    // A message mostly in one language whose model places it nowhere is read by the other's ("postlådor", "namnservrar").
    ['en', 'what shall we do with our postlådor', 'data'],
    ['en', 'what do we do with our namnservrar', 'domains'],
    // Restoring what was cancelled is bringing it back (F05), also when users are named.
    ['en', 'Can we restore the plan we cancelled last week for all users?', 'reactivate'],
    // Undoing a cancellation, reviving or re-enabling a cancelled plan, starting a closed one again: reactivation (F05),
    // not the term's length, the path or the term's end that "how long" and "cancelled" lean to.
    ['en', 'is it possible to undo our cancellation from last month', 'reactivate'],
    ['en', 'could our cancelled plan be revived', 'reactivate'],
    ['en', 'can a terminated subscription be re-enabled', 'reactivate'],
    ['sv', 'går det att reaktivera ett uppsagt konto', 'reactivate'],
    // Asking whether the data goes at once is what happens to it (F11, 90 days), not a wish for haste (quick recall, F04);
    // asking for it at once stays quick recall.
    ['sv', 'rensas inkorgarna direkt när vi sagt upp?', 'data'],
    ['sv', 'försvinner filerna i onedrive genast?', 'data'],
    ['en', 'will our files be erased right away', 'data'],
    ['sv', 'radera allt direkt när vi sagt upp', 'quickRecall'],
    ['en', 'wipe everything immediately after we cancel', 'quickRecall'],
  ] as const)('%s: "%s" is read first as %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test.each(['nu kommer jag inte vidare', 'jag tar mig inte vidare'])(
    'a message without closing words never ends the conversation, also when the intents ahead were set aside: "%s"',
    async (text) => {
      const result = await recognizer.recognizeText(text, 'sv');
      expect(topIntent(result)).not.toBe('endConversation');
      expect(result.intents.endConversation).toBeUndefined();
    },
  );

  test('a long message answers with its clause about a topic, not its request for guidance nor its pleasantries', async () => {
    const text = 'Hej! Hoppas allt är bra. Vi är ett litet företag och har gått över till en annan leverantör, så vi vill avsluta vårt Office 365-abonnemang. Kan du hjälpa mig?';
    expect(topIntent(await recognizer.recognizeText(text, 'sv'))).toBe('startCancellation');
  });

  test.each([
    ['sv', 'något om avgiften och mejlen', 'earlyTerminationFee', 'data'],
    ['en', 'something on penalties and the mail', 'earlyTerminationFee', 'data'],
  ] as const)('%s: "%s" names two subjects: the admin is asked which, %s or %s', async (language, text, first, second) => {
    const interpretation = interpretRecognition(await recognizer.recognizeText(text, language));
    expect(interpretation.kind).toBe('unsure');
    if (interpretation.kind !== 'unsure') return;
    expect(interpretation.candidates.map((candidate) => candidate.intent)).toEqual(expect.arrayContaining([first, second]));
  });
});

describe('interpreting a result', () => {
  const result = (scores: Record<string, number>, entities: Record<string, unknown> = {}) => ({
    text: 'x',
    intents: Object.fromEntries(Object.entries(scores).map(([intent, score]) => [intent, { score }])),
    entities: { ...entities, $instance: {} },
  });

  test(`a top score from ${CONFIDENT_SCORE} up is acted on, with its entities`, () => {
    expect(interpretRecognition(result({ startCancellation: 0.9, trial: 0.1 }, { plan: ['enterprise'] }))).toEqual({
      kind: 'confident',
      intent: 'startCancellation',
      score: 0.9,
      entities: { plan: ['enterprise'] },
    });
  });

  test('below it, the 2–3 likeliest topics are offered, best first', () => {
    const interpretation = interpretRecognition(
      result({ data: 0.45, quickRecall: 0.3, domains: 0.15, help: 0.06, trial: 0.04 }),
    );
    expect(interpretation).toEqual({
      kind: 'unsure',
      candidates: [
        { intent: 'data', score: 0.45 },
        { intent: 'quickRecall', score: 0.3 },
        { intent: 'domains', score: 0.15 },
      ],
      entities: {},
    });
  });

  test('None and intents we do not know are never offered', () => {
    expect(rankIntents(result({ None: 0.7, somethingElse: 0.2, data: 0.1 }))).toEqual([{ intent: 'data', score: 0.1 }]);
  });
});

describe("botbuilder's Recognizer contract and configuration", () => {
  test('the embedded recognizer is a botbuilder Recognizer that reads the activity in the turn language', async () => {
    expect(recognizer).toBeInstanceOf(Recognizer);
    const activity = { type: 'message', text: 'hur lång är bindningstiden', locale: 'sv-se' } as Activity;
    const context = new TurnContext(new TestAdapter(), activity);
    const dialogContext = new DialogContext(new DialogSet(), context, { dialogStack: [] });
    const result = await recognizer.recognize(dialogContext, activity);
    expect(result.text).toBe('hur lång är bindningstiden');
    expect(rankIntents(result)[0]?.intent).toBe('termLengths');
  });

  test('RECOGNIZER=none gives no recognizer; embedded trains one', async () => {
    expect(await createRecognizer(testConfig({ recognizer: 'none' }))).toBeUndefined();
    expect(await createRecognizer(testConfig({ recognizer: 'embedded' }))).toBeInstanceOf(Recognizer);
  });
});

describe('embedded recognizer: the typo corrector and the dictionary', () => {
  // The English dictionary (locales/en/words.txt): common words the corpus lacks stay as they are.
  test.each([
    ['will the whole tenant be wiped after three months', 'whole', 'three'],
    ['can an outside consultancy phone in for us', 'outside', 'consultancy'],
  ])('"%s" keeps "%s" and "%s"', async (text, first, second) => {
    const words = (await recognizer.recognizeText(text, 'en')).alteredText.split(' ');
    expect(words).toContain(first);
    expect(words).toContain(second);
  });

  test('a typo of a corpus word is still corrected', async () => {
    expect((await recognizer.recognizeText('how do I cancle our subscriptoin', 'en')).alteredText).toBe('how do i cancel our subscription');
  });
});

describe('embedded recognizer: plans with rules of their own, named or described (issue 15)', () => {
  test.each([
    // An Open agreement is the Open channel (F08), not the question of which plans the guide covers.
    ['sv', 'licenserna har vi fått genom ett open-avtal, vad gäller när året är slut?', 'openFpp'],
    ['en', 'our licences come from an open agreement, what applies when the year is over?', 'openFpp'],
    // Bought over the counter in a shop is the boxed product (F08), not a key.
    ['en', 'the boss bought office at a high street store a year ago, will it simply stop when the time is up?', 'openFpp'],
    // A free month is the trial (F01), not the fee or the renewal.
    ['sv', 'vi fick första månaden gratis, hur ser jag till att vi inte börjar betala?', 'trial'],
    ['en', "we got the first month free, how do I make sure it doesn't start billing us?", 'trial'],
    // A key named or typed in is the product key's rule (F02), not the term's length or end its other words ask.
    ['sv', 'vi har en licensnyckel från en firma i stan, hur länge har vi kvar på den?', 'productKey'],
    ['en', 'the key we entered came from a local IT firm, does it need switching off at the end of the year?', 'productKey'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test('a long plan word with both a typo and an ending is still the plan ("testperiden")', async () => {
    const result = await recognizer.recognizeText('stoppa testperiden', 'sv');
    expect(result.entities.plan).toEqual(['trial']);
    expect(topIntent(result)).toBe('startCancellation');
  });
});

describe('embedded recognizer: the small intents need a sign of their own (issue 15)', () => {
  test.each([
    // Sports and pastimes name no language to switch to and nothing of ours: out of scope.
    ['sv', 'vem vann allsvenska mästerskapen i bandy', 'outOfScope'],
    ['en', 'who won the swedish football league', 'outOfScope'],
    ['sv', 'vem spelar på konserten ikväll', 'outOfScope'],
    // Thanks for the help is thanks, not a request for help.
    ['sv', 'tack för all din hjälp i dag', 'thanks'],
    // Going back to the start is starting over, not the trial.
    ['sv', 'kan vi ta alltihop från början, jag hänger inte med', 'startOver'],
    // Going on in a language named asks to switch to it, not to go on with the subscription.
    ['sv', 'är det okej att fortsätta in english', 'switchLanguage'],
    // Switching language set aside, the next reading still answers to the subject named (the registrar: domains, F10).
    ['sv', 'registratorns NS-poster – behöver de bytas?', 'domains'],
    // Thanks needs a word that thanks or praises: "was" and "hos vår" in a question about a key or a registrar are none.
    ['en', 'it was bought with a product key, is it possible to end it', 'productKey'],
    ['sv', 'hos vår registrar, måste ns-posterna ändras', 'domains'],
    // Being put through to support needs a word of support, a person or a call: a letter to write is out of scope.
    ['en', 'write me a poem about autumn', 'outOfScope'],
    // Feedback named offers it, however the asking leans to help.
    ['en', 'could I give you some feedback on Teams?', 'giveFeedback'],
    // Reactivation needs something brought back: a registrar named is the domains' (F10), whatever the brand.
    ['en', 'Gandi is where our registrar account is, is there anything to edit', 'domains'],
    // Asking what happens, read as help, asks for the fact its subject names (the files: F11), "m" for "med" or not.
    ['sv', 'vad händer sen m alla filer i tenanten', 'data'],
    // Closing words said tersely, which the classifier places nowhere, end the conversation.
    ['sv', 'färdig nu, stäng', 'endConversation'],
    ['en', 'finished now, close', 'endConversation'],
    // Money with the seller is the product key's refund (F02), not which plans the guide covers.
    ['sv', 'pengarna, är det återförsäljaren eller ni som sköter det', 'productKey'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test.each([
    // Restarting the subscription is no restart of the conversation; problems "from the start" are feedback.
    ['sv', 'kan vi starta om abonnemanget vi sa upp förra veckan'],
    ['en', 'we have had problems from the start with teams, where can I say so'],
  ] as const)('%s: "%s" does not start the conversation over', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).not.toBe('startOver');
  });

  // A stem written with its hyphen matches the hyphenated word it was written for: "NS-posterna" (F10),
  // "e-posten" (F11); a compound's last part is its subject ("e-postdomänen": F10).
  test.each([
    ['sv', 'ändrar ni NS-posterna åt oss när vi slutar?', 'domains'],
    ['sv', 'Vad händer med e-posten när vi har sagt upp?', 'data'],
    ['sv', 'Måste e-postdomänen pekas om när abonnemanget sägs upp?', 'domains'],
  ] as const)('%s: hyphenated "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test('a question whether the cancellation is done does not end the conversation', async () => {
    expect(topIntent(await recognizer.recognizeText('är uppsägningen klar nu?', 'sv'))).not.toBe('endConversation');
  });
});

describe('embedded recognizer: whether the guide is for us, asked short or casually, is which plans and admins it covers (F16, issue 15)', () => {
  test.each([
    ['en', 'is it just for big firms?'],
    ['sv', 'är det enbart för stora företag'],
    ['en', "checking I'm on the right guide first"],
    ['sv', 'täcker anvisningarna vår sorts abonnemang?'],
  ] as const)('%s: "%s" is first appliesTo', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('appliesTo');
  });
});

describe('embedded recognizer: whether a role of a club or school may make the call is who may call (F15, issue 15)', () => {
  test.each([
    // The contact person named is the role's standing, not the details support asks for (F14).
    ['sv', 'Rektorn vill ringa supporten själv. Duger det att hon är skolans kontaktperson?'],
    ['en', 'our chairman would like to phone them himself; is being the contact person enough?'],
  ] as const)('%s: "%s" is first whoMayCall', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('whoMayCall');
  });
});

describe('embedded recognizer: a question about what cancelling involves gets its topic, not the path (issue 15)', () => {
  test.each([
    // The plural of "namnserver" names the domain's subject too.
    ['sv', 'uppsägning: gäller något för namnservrar?', 'domains'],
    // A question asked after the plan without punctuation ("… hur säger man upp") is still a question: the plan's rule answers (F08).
    ['sv', 'retail office 365 hur säger man upp', 'openFpp'],
    ['en', 'retail bought office how do we cancel', 'openFpp'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test('a plain request to cancel still starts the path', async () => {
    expect(topIntent(await recognizer.recognizeText('we want to cancel our office 365 subscription', 'en'))).toBe('startCancellation');
  });
});

describe('embedded recognizer: the term, money and data family on unseen wordings (issue 15, round 2)', () => {
  test.each([
    // Making sure the billing stops is turning off the renewal (F06), not help, feedback or the data.
    ['en', 'when the year is up, how can I be certain there will be no further charges?', 'termEnd'],
    ['en', 'I just want the invoicing to cease once our contract year is done', 'termEnd'],
    // "roll over" is the renewal, not the Swedish "roll" (a role): no question of who may call.
    ['en', "How can I be sure it won't roll over into another year and the bills stop?", 'termEnd'],
    // "Not earlier" denies leaving early: still the term's end, not the fee (F09).
    ['sv', 'vi slutar först när avtalsperioden är slut och inte tidigare, hur får jag fakturorna att upphöra?', 'termEnd'],
    // What leaving now costs or is owed is the fee for leaving early (F09), not the term's end or length.
    ['en', 'if we pull out now, is there anything we still owe for the months left on the year?', 'earlyTerminationFee'],
    // Backing up before the cancellation is the data (F11), not bringing the subscription back.
    ['sv', 'jag ska säkerhetskopiera lagets mejl före uppsägningen, räcker tiden efter att vi har sagt upp?', 'data'],
    // A yes/no question whether the files go at once, opening with "är", is the data's (F11), not quick recall's.
    ['sv', 'är dokumenten borta direkt när vi avslutat?', 'data'],
    // What happens to one fact's subject, read as help, is that subject's question: the mail is the data's (F11).
    ['sv', 'å vad händer m alla mejl sen', 'data'],
    // Coming back, restarting or running again after a cancellation is reactivation (F03).
    ['sv', 'om vi avslutar nu, kan vi komma tillbaka till samma konto efter sommaren?', 'reactivate'],
    ['sv', 'kan vi starta om kontot som blev uppsagt i våras?', 'reactivate'],
    ['en', 'after we cancelled, the board changed its mind: can we have Office 365 running again?', 'reactivate'],
    // An app named beside a cancellation ("the calendars were in Outlook") is no everyday task: still reactivation.
    ['sv', 'Vi avslutade i våras men ingen hade exporterat kalendrarna i Outlook, kan vi återaktivera?', 'reactivate'],
    // A test tenant is a trial: what becomes of its mail when it expires is the trial's (F01), not quick recall.
    ['en', 'our test tenant is about to run out soon, are the mailboxes in it wiped?', 'trial'],
    // A question naming a term of a year or a month, read nowhere or as a topic it names nothing of, is the term's length (F07).
    ['en', 'Does Enterprise only come annual?', 'termLengths'],
    ['sv', 'Vilken av utgåvorna kör med ettårsavtal?', 'termLengths'],
    // Asking a plan's term length beside cancelling asks the length, not to start the path with that plan.
    ['en', 'thinking of when to cancel. term length of Enterprise please', 'termLengths'],
    // A renewal asked about as a length, nothing turned off, is the term's length too.
    ['en', "our club's subscription seems to renew every month, can Office 365 even do that?", 'termLengths'],
    ['sv', 'förnyas vårt abonnemang varje månad, går det ens?', 'termLengths'],
    // How long before it is gone once the tenant is shut down is the data's 90 days (F11), not the term's length.
    ['en', "We shut the tenant down at the end of the month. How long can we still reach it before it's gone?", 'data'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test('stopping a monthly renewal stays the term\'s end', async () => {
    expect(topIntent(await recognizer.recognizeText('how do we stop it renewing every month?', 'en'))).toBe('termEnd');
  });

  test('turning off recurring billing now asks no price: it stays the term\'s end', async () => {
    expect(topIntent(await recognizer.recognizeText('if I switch off the recurring billing now, do we keep the service until the renewal?', 'en'))).toBe('termEnd');
  });
});

describe('embedded recognizer: the conversational intents in words of their own (issue 15, session 23)', () => {
  test.each([
    // The reason for leaving, told to be passed on, is feedback: not out of scope, the path or support.
    ['sv', 'vi byter leverantör eftersom priset stigit, kan du framföra det?', 'giveFeedback'],
    // Being put through to someone is support: not feedback, who may call or a topic its words lean to.
    ['en', 'could you put us through to somebody there? this is beyond me', 'talkToSupport'],
    // Another person asked to make the call is who may call (F15), not the path.
    ['sv', 'får vår bokförare ringa in och avsluta åt oss?', 'whoMayCall'],
    // Closing the conversation in a verb and its object, declining more help, or being done in words alone ends it.
    ['sv', 'nu stänger jag samtalet, klart för idag', 'endConversation'],
    ['en', 'all sorted, you can close the session', 'endConversation'],
    ['sv', 'behöver ingen mer hjälp', 'endConversation'],
    ['en', 'no more help needed from me', 'endConversation'],
    ['sv', 'färdigt slut', 'endConversation'],
    // Thanks in a compound, with well-wishing, is thanks: not a topic its other words lean to.
    ['sv', 'jättetack, ha en fin helg', 'thanks'],
    // A request to cancel after the reason for it is the path, however the reason's words lean.
    ['en', 'please cancel o365', 'startCancellation'],
    // A greeting with its letters drawn out is a greeting.
    ['en', 'hellooo from the finance team', 'greeting'],
    ['sv', 'hejsaaan', 'greeting'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test.each([
    // A question about closing the chat asks how, it does not end the conversation.
    ['sv', 'hur stänger jag chatten i teams?'],
    // No more invoices is about the billing (F06), not declining more help.
    ['sv', 'inga fler fakturor efter april'],
    // Restarting a device is no request to go back to the start.
    ['sv', 'Vi har startat om routern flera gånger. Vad mer kan man göra?'],
  ] as const)('%s: "%s" neither ends nor starts the conversation over', async (language, text) => {
    const intent = topIntent(await recognizer.recognizeText(text, language));
    expect(intent).not.toBe('endConversation');
    expect(intent).not.toBe('startOver');
  });

  test.each([
    // A domain connected to Office 365, or a printer that will not connect, asks for no person.
    ['sv', 'Vår domän är kopplad till 365, vad gör jag med den när vi avslutar?', 'domains'],
  ] as const)('%s: "%s" is first %s, not support', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test('asking how to begin starts the path, not starting over; asking to begin again starts over', async () => {
    expect(topIntent(await recognizer.recognizeText('nu får det vara nog med 365, hur börjar jag', 'sv'))).toBe('startCancellation');
    expect(topIntent(await recognizer.recognizeText('ready to get out of this, how do I start', 'en'))).toBe('startCancellation');
    expect(topIntent(await recognizer.recognizeText('the board said cancel it. where do we begin?', 'en'))).toBe('startCancellation');
    expect(topIntent(await recognizer.recognizeText('hur börjar jag om?', 'sv'))).toBe('startOver');
  });
});

describe('embedded recognizer: the path and support set aside for what the call needs (F14, issue 15, session 23)', () => {
  test.each([
    // A question about the cancellation call, read as the path, asks what support checks on it.
    ['sv', 'frågor i telefon vid uppsägning?', 'verification'],
    // A phone number asked of the account, with no word of support or a person, is a detail support checks, not its number.
    ['en', "should I know the phone number that's on the account", 'verification'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test("asking support's number stays support", async () => {
    expect(topIntent(await recognizer.recognizeText('vilket nummer ringer jag för att säga upp?', 'sv'))).toBe('talkToSupport');
  });
});

describe('embedded recognizer: Swedish fact questions in other words (session 23)', () => {
  test.each([
    // A timing set aside ("i stället för när avtalet löper ut", "instead of at renewal") is not what the admin means: leaving now, with its cost asked, is the fee (F09).
    ['sv', 'blir det en extra räkning om vi avslutar idag i stället för när avtalet löper ut?', 'earlyTerminationFee'],
    ['en', 'would ending it today instead of at renewal cost us anything extra?', 'earlyTerminationFee'],
    // Refusing the renewal while refusing extra costs is letting the term run out (F06), not the fee.
    ['sv', 'Vi ska inte förnya i vår men vill inte heller få några extra kostnader, hur gör man?', 'termEnd'],
    // "Utan att … direkt" denies leaving at once: the billing stopping when the year is over is the term's end (F06).
    ['sv', 'hur ser jag till att vi slutar betala när året är slut, utan att avsluta direkt?', 'termEnd'],
    // A role told as context, with a question that names no one, is no question of who may call (F15).
    ['sv', 'Vår ordförande vill ha koll på utgifterna. Blir det dyrare att avsluta innan perioden är slut?', 'earlyTerminationFee'],
    // The admin center is a place, not an admin.
    ['sv', 'avsluta vid periodens slut, var i admincentret gör jag det?', 'termEnd'],
    // "Open" right after a word of licensing names the Open programme (F08).
    ['sv', 'Vi har licensavtalet Open sedan några år. Upphör det av sig självt när perioden är slut?', 'openFpp'],
    // Bringing a cancelled subscription back in other words is reactivation (F03).
    ['sv', 'Går det att väcka liv i det gamla kontot med alla användare kvar?', 'reactivate'],
    ['sv', 'hur lång ångerfrist har man efter uppsägning?', 'reactivate'],
    ['sv', 'finns ångerfrist när man sagt upp', 'reactivate'],
    ['sv', 'hur får vi tillbaka kontot som vi avslutade igår?', 'reactivate'],
    // Money got back stays the refund (F02).
    ['sv', 'får vi tillbaka pengarna om vi avslutar?', 'productKey'],
    // Whether "this" is for an admin or a plan is which admins and plans the guide covers (F16).
    ['sv', 'är det här tänkt för faktureringsadmins också, eller bara för globala?', 'appliesTo'],
    ['sv', 'är det här för oss med tjänsteadministratörer', 'appliesTo'],
    ['sv', 'vilka licenstyper handlar den här informationen egentligen om', 'appliesTo'],
    // Deleting sooner in everyday words ("express-", "bortplockat på en gång") is quick recall (F04).
    ['sv', 'finns det express-borttagning av allt när vi sagt upp?', 'quickRecall'],
    ['sv', 'få allt bortplockat med en gång när vi sagt upp', 'quickRecall'],
    // Whether the files go at once, asked in the second sentence, is the data's 90 days (F11).
    ['sv', 'Vi har mycket i OneDrive. Raderas filerna direkt när vi säger upp?', 'data'],
    // No more charges ("dragningar") after it runs out is the term's end (F06), not the path.
    ['sv', 'avsluta, fast inga fler dragningar efter att den gått ut', 'termEnd'],
    // Being bound, read as a topic whose subject the message does not name, is the term's length (F07).
    ['sv', 'Vi har Midsize Business. Är vi bundna ett år i sträck eller är det löpande?', 'termLengths'],
    // A subject named beside cancelling, with no request to cancel, is that subject's topic (F10).
    ['sv', 'namnservrar vid uppsägning', 'domains'],
    // A key described, read as the path with no word that asks to cancel, is the product key's (F02).
    ['sv', 'köpte licensen med en nyckel hos en partner och nu vill vi bli av med den', 'productKey'],
    // A detail of ours (not support's number) asked about is the details support checks (F14), not a request to be put through.
    ['sv', 'frågar supporten efter mitt telefonnummer?', 'verification'],
    ['sv', 'ska jag uppge vårt telefonnummer för supporten?', 'verification'],
    ['sv', 'vilket telefonnummer har supporten?', 'talkToSupport'],
    // Leaving in the middle of the term ("mitt i året") with a cost asked is the fee (F09).
    ['sv', 'extra avgift vid uppsägning mitt i året?', 'earlyTerminationFee'],
    // Revoking a cancellation, cancelling by mistake and wanting it back are reactivation (F03).
    ['sv', 'häva avslutet av tenanten, går det?', 'reactivate'],
    ['sv', 'vår praktikant sa upp licensen av misstag igår', 'reactivate'],
    ['en', 'our intern terminated the plan by mistake last night', 'reactivate'],
    ['sv', 'avslutade i fredags, kan vi ha tillbaka allt som förut?', 'reactivate'],
    // What leaving early does to the finances ("ekonomiskt") asks its cost: the fee (F09).
    ['sv', 'hur påverkas vi ekonomiskt om vi avbryter mitt i perioden', 'earlyTerminationFee'],
    ['sv', 'vad blir det ekonomiska utfallet om vi hoppar av i förtid?', 'earlyTerminationFee'],
    // Whom "this" is for is which admins and plans the guide covers (F16).
    ['sv', 'vem är det här egentligen till för', 'appliesTo'],
    ['sv', 'vilka är detta tänkt för', 'appliesTo'],
    // Destroying the data sooner ("förstöra … direkt") is quick recall (F04).
    ['sv', 'går mejlen att förstöra direkt', 'quickRecall'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe('embedded recognizer: English fact questions nobody tuned for (issue 15)', () => {
  test.each([
    // Leaving now "instead of" at renewal: the timing set aside is not the one chosen, and a bill for the months left is the fee (F09).
    ['en', "we'd rather stop right now instead of at renewal, would we be billed extra for the remaining months?", 'earlyTerminationFee'],
    // Termination charges are the fee for leaving early by its name (F09), even beside the term's end.
    ['en', "Our contract runs to the end of the year but we're leaving now. Are there termination charges?", 'earlyTerminationFee'],
    // The writer's own role ("I'm the finance manager") tells who asks: stopping the renewal stays the term's end (F06).
    ['en', "I'm the finance manager here. How do I stop the subscription from renewing next year?", 'termEnd'],
    // How long before it is erased once cancelled, read unsure, is the data's 90 days (F11).
    ['en', 'We plan to cancel right now. How long will we have to shift the mailboxes across before they are erased?', 'data'],
    // An everyday task in the apps read as a topic with no sign of its own is out of scope; "open" alone is no Open channel.
    ['en', 'outlook meeting reminders pop up twice', 'outOfScope'],
    ['en', "my excel sheet won't open", 'outOfScope'],
    // Whether someone else, named by any words, may call or cancel is who may call (F15), also a role we do not list.
    ['en', 'can the school caretaker ring up and cancel for us?', 'whoMayCall'],
    ['en', 'could our outside bookkeeper phone in for us?', 'whoMayCall'],
    // Asking to be called, or the writer asking, is not.
    ['en', 'can you call support for me', 'talkToSupport'],
    // Reinstating or reopening what was cancelled is reactivation (F03).
    ['en', 'we ended it in spring; could that subscription be reinstated now?', 'reactivate'],
    // Shortening the time the data is kept is quick recall (F04); asking how long it is kept is the data's (F11).
    ['en', 'can we skip the retention period after cancelling?', 'quickRecall'],
    ['en', 'how long is the retention period after we cancel?', 'data'],
    // Vanishing is deleting, as "försvinna" is in Swedish: the message speaks of the data (F11), it is not out of scope.
    ['en', 'will everything vanish that same week', 'data'],
    // The guide pointed at with a word of covering, or whom it is written for, is which admins and plans it covers (F16).
    ['en', 'does this apply to a billing admin like me?', 'appliesTo'],
    ['en', 'is this guidance intended for small firms or everyone?', 'appliesTo'],
    // Naming a fact's subject keeps that fact.
    ['en', 'does this apply to the fee too?', 'earlyTerminationFee'],
    // Security questions on the call are the details support checks (F14).
    ['en', 'security questions when I ring about cancelling?', 'verification'],
    // A free subscription or version is a trial (F01): what becomes of it is the trial's, not the usual data question.
    ['en', 'our school got a free version of office 365 to test, what happens to it later?', 'trial'],
    // Cancelling and deleting everything asked for together is quick recall (F04); asking when it is deleted is the data's (F11).
    ['en', 'we want to cancel and purge the tenant', 'quickRecall'],
    ['en', 'after cancelling, and when is it all deleted?', 'data'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test('a request to cancel a plan described but not named carries that plan, so the product key\'s fact (F02) answers first', async () => {
    const result = await recognizer.recognizeText('cancel our key subscription please', 'en');
    expect(topIntent(result)).toBe('startCancellation');
    expect(result.entities.plan).toEqual(['productKey']);
  });

  test('a timing set aside by "instead of" is dropped when another is named', async () => {
    expect((await recognizer.recognizeText('cancel it today instead of at renewal', 'en')).entities.timing).toEqual(['now']);
    expect((await recognizer.recognizeText('cancel at renewal rather than right now', 'en')).entities.timing).toEqual(['termEnd']);
  });
});

describe('embedded recognizer: Swedish fact questions, round two (session 23)', () => {
  test.each([
    // The cost of leaving at once, read as quick recall by its haste with nothing asked to be deleted, is the fee (F09).
    ['sv', 'Vi måste snabbt avsluta omedelbart, vad kostar det?', 'earlyTerminationFee'],
    // Whether the data goes at once, asked in a clause after the cancelling, is the data's 90 days (F11), not haste.
    ['sv', 'Efter att vi sagt upp, raderas kalendrarna direkt?', 'data'],
    ['sv', 'Om abonnemanget avslutas, försvinner dokumenten genast eller ligger de kvar en tid?', 'data'],
    // Asking the assistant to make something that says nothing of ours is out of scope, whatever "mejl" it is to write.
    ['sv', 'Kan du hjälpa mig att formulera ett mejl till hyresvärden om elräkningen?', 'outOfScope'],
    ['sv', 'kan du göra ett utkast till ett nyhetsbrev för föreningen', 'outOfScope'],
    // Asking what the assistant can do, or to write in another language, is no such task.
    ['sv', 'vad kan du göra för oss', 'help'],
    ['sv', 'kan du skriva på engelska i stället', 'switchLanguage'],
    // A web address or the firm's own name, with the mail as what it is for, is the domain (F10), not the mail's fate.
    ['sv', 'Mejlen går till vår webbadress, vad ska vi göra med adressen när vi slutar med Office?', 'domains'],
    ['sv', 'Alla våra mejladresser har firmans eget namn efter snabel-a. Vad händer med namnet när vi säger upp?', 'domains'],
    // Whether the mail goes, or the mail with the files, stays the data's (F11).
    ['sv', 'Vi har ett eget namn på mejlen. Försvinner mejlen när vi avslutar?', 'data'],
    ['sv', 'vad händer med mejlen och filerna när vi säger upp', 'data'],
    // The term and its end in one compound ("avtalsslut") is the term's end (F06); leaving at once set aside by "i stället för" is no fee.
    ['sv', 'avsluta vid avtalsslut', 'termEnd'],
    ['sv', 'går det att låta licensen löpa ut vid faktureringsperiodens slut i stället för att avsluta omedelbart?', 'termEnd'],
    ['sv', 'vad kostar det att avsluta direkt i stället för vid periodens slut?', 'earlyTerminationFee'],
    // "Återuppta", the seed's own word, brings a cancelled subscription back (F03); so does it typed without the Swedish letters.
    ['sv', 'återuppta avslutad licens, går det', 'reactivate'],
    ['sv', 'ateruppta avslutad licens, gar det', 'reactivate'],
    // A try-out ("prova-på-konto") is the trial (F01).
    ['sv', 'Grannen hjälpte oss starta ett prova-på-konto för kontoret. Kan vi strunta i det tills det går ut?', 'trial'],
    // Details abbreviated ("telnr", "mobilnr", "orgnr") are the details support checks (F14), not a request to be put through.
    ['sv', 'behöver supporten mobilnr och orgnr från oss?', 'verification'],
    ['sv', 'vill support ha telnr kopplat till kontot?', 'verification'],
    // A term "per år"/"per månad" asked with the generic "gäller" is the term's length (F07), not which plans the guide covers.
    ['sv', 'Vi har Enterprise genom kommunen, gäller det per år eller per månad?', 'termLengths'],
    ['sv', 'Enterprise via kyrkan, gäller det per månad?', 'termLengths'],
    // Our plan named, asking whether it goes the same way for us or whether we may use the assistant, is which plans it covers (F16).
    ['sv', 'Vi kör Small Business, funkar det likadant för oss att avsluta?', 'appliesTo'],
    ['sv', 'Vi har Enterprise, kan vi använda dig också?', 'appliesTo'],
    // Whether being something suffices to cancel or call asks who may (F15), not the detail it names.
    ['sv', 'duger det att jag står som kontaktperson för att ringa in uppsägningen?', 'whoMayCall'],
    ['sv', 'räcker det att hon är kontaktperson hos oss för att säga upp', 'whoMayCall'],
    // A deletion with no haste, read unsure as a conversational intent, is the data's 90 days (F11).
    ['sv', 'rensas allt efter 90 dagar korrekt', 'data'],
    // Using the paid term up and then not going on is not renewing (F06), whatever topic without its sign the words lean to.
    ['sv', 'Vi har betalt året i förskott och vill ha kvar det tills dess, men efter det ska det inte fortsätta. Hur ställer jag in det?', 'termEnd'],
    ['sv', 'Hela året är betalt. Vi kör tills dess men sedan ska vi inte fortsätta, var gör jag det?', 'termEnd'],
    // Starting over read unsure for a message with no word of starting again, naming nothing of ours, is out of scope.
    ['sv', 'flytt från lokal exchange till exchange online, vilket verktyg?', 'outOfScope'],
    ['sv', 'kan vi ta det från början', 'startOver'],
    // A question naming one fact's subject and no feedback is that fact's; a reason for leaving told to be passed on stays feedback.
    ['sv', 'ta bort custom domain före cancel, är det nödvändigt?', 'domains'],
    ['sv', 'vi byter till google eftersom det är billigare, kan du framföra det?', 'giveFeedback'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe('embedded recognizer: English fact questions in everyday or terse words', () => {
  test.each([
    // The domain (F10) in everyday words: the website's address or name, or the firm's own name the mail addresses use.
    ['en', 'web address after we cancel, what happens?', 'domains'],
    ['en', 'the mail addresses use our own business name, is that lost if we cancel?', 'domains'],
    ['en', 'our website address is on every email, do we keep it after leaving?', 'domains'],
    // A trial (F01) written as an open or hyphenated compound: "test version", "try-out".
    ['en', 'we only had a test version, is the stuff in it removed when it runs out?', 'trial'],
    ['en', 'is the try-out something I must cancel?', 'trial'],
    // Bringing back with the prefix written apart ("re-open"), or switched on again after cancelling, is reactivation (F03).
    ['en', 'can we re-open the subscription we cancelled last week?', 'reactivate'],
    ['en', 'we cancelled by accident, can it be turned on again?', 'reactivate'],
    // Not having meant the cancelling, regretting or reverting it, or resuming the plan, brings it back (F03).
    ['en', 'we didnt mean to cancel it', 'reactivate'],
    ['en', 'can a cancelled plan be resumed', 'reactivate'],
    // The fee for leaving early (F09) by its initials, by being charged for leaving now, by paying for the rest of the term,
    // or by a bill for leaving before the year is up.
    ['en', 'any ETF if the customer leaves mid-year?', 'earlyTerminationFee'],
    ['en', 'client leaving now, will they be billed for it?', 'earlyTerminationFee'],
    ['en', 'is there a bill if we end before the year is up?', 'earlyTerminationFee'],
    // Being liable, or on the hook, for leaving now is the fee's question too.
    ['en', 'would we be liable for the months left if we stop today?', 'earlyTerminationFee'],
    // The admin center is a place, not a role: removing the domain there is the domain's question (F10), not who may call.
    ['en', 'we need to delete the domain name in the admin centre before we cancel, right?', 'domains'],
    // Losing access is the data's fact (F11), whoever loses it.
    ['en', 'do our users lose access to their calendars the moment the cancellation goes live?', 'data'],
    // A code on a card is a product key (F02), wherever it was bought; "something called Open" names the Open channel (F08).
    ['en', 'we picked up a card with a code at the electronics store, if we quit now is there any money back?', 'productKey'],
    ['en', 'my accountant says the subscription was set up through something called Open. Is cancelling different then?', 'openFpp'],
    // A terse clause asking whether the data goes at once ("wiped right away?") asks what happens to it (F11), not for quick recall.
    ['en', 'sharepoint files after cancellation, wiped right away?', 'data'],
    // Letting it expire is the term's end (F06).
    ['en', 'fine to just let it expire? what do I need to click', 'termEnd'],
    // Whose call it is (the client themselves, or someone for them) is who may call (F15).
    ['en', 'can i as the outside it person call for the client or do they need to call themselves', 'whoMayCall'],
    // The same way asked for someone is whether the guide fits them (F16).
    ['en', 'is the process the same for us on E3?', 'appliesTo'],
    // Advice on which product or tool is best, or what could replace one, is no fact's: out of scope.
    ['en', 'is fastmail a good alternative to exchange for 5 people', 'outOfScope'],
    ['en', 'old server mailboxes to exchange online, best migration tool?', 'outOfScope'],
    ['en', 'best way to move a pst into exchange online?', 'outOfScope'],
    // Quick recall named by its Swedish name in an English question is that fact (F04).
    ['en', 'is this snabb återkallelse something for our plan too?', 'quickRecall'],
    // What to give or prepare for support is the details the call needs (F14); support's number or a person asked for stays a request for support.
    ['en', 'phoning support tomorrow, what to prepare', 'verification'],
    ['en', 'when I reach support what do they verify', 'verification'],
    ["en", "I'd like to speak with someone at support", 'talkToSupport'],
    ['en', 'what is the support phone number', 'talkToSupport'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test('a terse clause opening with "any" asks, inside a message; alone it does not interrupt a prompt as a question would', async () => {
    expect(holdsQuestion('any monthly billing for midsize, or yearly only')).toBe(true);
    expect(readsAsQuestion('Any Solutions AB')).toBe(false);
    expect(topIntent(await recognizer.recognizeText('any month by month deal for enterprise or is it always twelve months', 'en'))).toBe('termLengths');
  });

  test('paying for the rest of the term when cancelling today is read with confidence as the fee for leaving early (F09)', async () => {
    const ranked = rankIntents(await recognizer.recognizeText('am I stuck paying for the rest of the term if we stop today?', 'en'));
    expect(ranked[0]?.intent).toBe('earlyTerminationFee');
    expect(ranked[0]?.score).toBeGreaterThanOrEqual(CONFIDENT_SCORE);
  });
});

describe('embedded recognizer: conversational intents, round two (issue 15)', () => {
  test.each([
    // Support named in a question that asks no way to reach it: what support wants is the details (F14) ...
    ['sv', 'vad frågar supporten efter, mobilnumret kopplat till kontot?', 'verification'],
    ['en', 'what details do I hand over to support?', 'verification'],
    // ... and what support can do about a fact is that fact's question, not a request to be put through.
    ['sv', 'kan supporten hämta tillbaka filerna efter 90 dagar?', 'data'],
    ['sv', 'Ringer jag supporten för snabb återkallelse?', 'quickRecall'],
    // A number in a compound, or reaching support, still asks for support.
    ['sv', 'vilket supportnummer gäller?', 'talkToSupport'],
    ['sv', 'hur når jag supporten?', 'talkToSupport'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test.each([
    // A question about cancelling that asks something other than the way to do it asks for a fact, not the guide.
    ['sv', 'Vad förlorar vi vid uppsägning?'],
    ['sv', 'Ska säga upp, vad händer med allt sen?'],
    ['en', 'What do we lose by cancelling?'],
  ] as const)('%s: "%s" does not start the cancellation guide', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).not.toBe('startCancellation');
  });

  test.each([
    // Asking the way, or whether one can cancel, or a request with its subject dropped, still starts it.
    ['sv', 'ska bli av med abonnemanget, var börjar jag?'],
    ['sv', 'ska bli av med vårt abonnemang'],
  ] as const)('%s: "%s" starts the cancellation guide', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('startCancellation');
  });

  test.each([
    // The reason for leaving stated, asking nothing and wanting nothing, is feedback (F05), whatever its words lean to.
    ['en', 'switching to zoho cuz the price doubled', 'giveFeedback'],
    ['en', 'cancelling because of the constant outages, thought you should know', 'giveFeedback'],
    ['en', "we're dropping office bc nobody uses teams, fyi", 'giveFeedback'],
    ['sv', 'säger upp på grund av kostnaden', 'giveFeedback'],
    // A request to cancel that gives its reason is the request; "för att" giving a purpose is no reason.
    ['sv', 'vi vill säga upp eftersom vi lägger ner firman', 'startCancellation'],
    ['sv', 'vem får ringa supporten för att säga upp', 'whoMayCall'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test.each([
    // Closing "here", or "stäng"/"close" with nothing after, asking nothing and naming nothing cancelled, ends the conversation.
    ['sv', 'nöjd, stäng', 'endConversation'],
    ['sv', 'jag loggar ut här, ha en bra dag', 'endConversation'],
    ['en', 'ok, signing off now', 'endConversation'],
    ['en', "let's close it here", 'endConversation'],
    // Leaving the service, or undoing a cancellation, closes no conversation.
    ['en', "I'd like to tell you why we're leaving", 'giveFeedback'],
    ['sv', 'ångra avslut', 'reactivate'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  test.each([
    // "restart" and "reset" written as one word go back to the start like "börja om" (not the subscription, which names itself).
    ['sv', 'kör en restart på konversationen', 'startOver'],
    ['en', 'can we restart the subscription we cancelled?', 'reactivate'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe("embedded recognizer: a firm's size is not its plan", () => {
  test.each([
    // "småföretag", "a small business", "small businesses": what the firm is, not the plan it has.
    ['sv', 'vilket lönesystem passar småföretag bäst?'],
    ['sv', 'vi är ett medelstort företag, vilket ekonomisystem rekommenderar du?'],
    ['en', 'which payroll software suits a small business best?'],
    ['en', 'any tips on invoicing tools for small businesses?'],
  ] as const)('%s: "%s" names no plan', async (language, text) => {
    expect((await recognizer.recognizeText(text, language)).entities.plan).toBeUndefined();
  });

  test.each([
    // With no plan named, a question the article does not answer is out of scope.
    ['sv', 'vilket lönesystem passar småföretag bäst?'],
    ['en', 'any tips on invoicing tools for small businesses?'],
  ] as const)('%s: "%s" is out of scope', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('outOfScope');
  });

  test.each([
    ['sv', 'vi är ett småföretag med åtta anställda, hur säger vi upp office 365?'],
    ['en', "we're a small business of six people, how do we cancel office 365?"],
  ] as const)('%s: "%s" asks to cancel with no plan named, so the path asks which', async (language, text) => {
    const result = await recognizer.recognizeText(text, language);
    expect(result.entities.plan).toBeUndefined();
    expect(topIntent(result)).toBe('startCancellation');
  });

  test.each([
    ['sv', 'säg upp vårt småföretagsabonnemang'],
    ['sv', 'gäller det här bara småföretagsplanerna?'],
    ['sv', 'vi har small business, hur länge gäller perioden?'],
    ['en', 'we have a small business subscription, how long is its term?'],
    ['en', "we're on small business and want to cancel at the end of the term"],
  ] as const)('%s: "%s" still names the Small Business plan', async (language, text) => {
    expect((await recognizer.recognizeText(text, language)).entities.plan).toEqual(['smallBusiness']);
  });
});

describe('embedded recognizer: the typo corrector keeps forms of words it knows', () => {
  test.each([
    ['sv', 'vi tänker säga upp abonnemanget i vår', 'tänker'],
    ['en', 'we are downloading our mailboxes before we cancel', 'downloading'],
  ] as const)('%s: "%s" is read with "%s" as written', async (language, text, word) => {
    expect((await recognizer.recognizeText(text, language)).alteredText.split(' ')).toContain(word);
  });
});

describe('embedded recognizer: a second classifier votes in every reading', () => {
  // nlp.js knows whole words only; a form the corpus never had ("avhoppet", "utträdet") leaves it unsure.
  // The letter n-gram classifier knows the pieces ("hopp", "träd" beside leaving and cost) and decides.
  test.each([
    ['sv', 'vad kostar avhoppet', 'earlyTerminationFee'],
    ['sv', 'vad kostar utträdet', 'earlyTerminationFee'],
  ] as const)('%s "%s" is %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe('session 24, Swedish: requests to cancel and the facts beside them', () => {
  test.each([
    // Asking to be taken through the cancelling after telling the situation is the path, though "uppsägningen" is a noun and "säger … upp" is split.
    ['sv', 'Styrelsen har sagt sitt, vi ska bort från Microsoft. Kan ni hjälpa mig med uppsägningen?', 'startCancellation'],
    ['sv', 'vi går över till ett annat system, hur säger man upp?', 'startCancellation'],
    ['en', 'we are moving on from microsoft how do i cancel', 'startCancellation'],
    // Asking a fact about the cancelling, or its cost, stays the fact.
    ['sv', 'kan du hjälpa mig förstå vad som händer med mejlen vid uppsägningen', 'data'],
    ['sv', 'hur mycket kostar det att säga upp i förtid', 'earlyTerminationFee'],
    // A consultant asking whether the guide fits the customer ("för dem", "them") asks whom it is for (F16).
    ['sv', 'Kunden kör Business Premium, inte något gammalt Enterprise-abonnemang. Passar stegen ändå för dem?', 'appliesTo'],
    ['en', 'Our client is on Business Basic. Do these instructions still fit them?', 'appliesTo'],
    // "Föreningen" and "företaget" begin like "före" (before) but leave nothing early: paying for the year and stopping when the period ends is the term's end (F06).
    ['sv', 'Företaget har betalat hela avtalsperioden, så vi vill bara att det tar slut när perioden är över. Hur gör jag?', 'termEnd'],
    ['sv', 'Föreningen har redan betalat för året och vill sluta när perioden är slut, vad ska jag göra?', 'termEnd'],
    ['sv', 'vad kostar det om vi avslutar före periodens slut?', 'earlyTerminationFee'],
    // Money that is no longer drawn ("inga pengar ska dras") is billing that stops: the term's end (F06).
    ['sv', 'vi har betalat fram till mars och sen ska det bara sluta, inga pengar ska dras efter det', 'termEnd'],
    // The check questions named as Swedish compounds ("kontrollfrågor") are what support asks on the call (F14), not who may call.
    ['sv', 'vilka kontrollfrågor får jag om jag ringer in för att säga upp', 'verification'],
    ['sv', 'kontrollfrågor när man ringer in, vilka får man?', 'verification'],
    // Emptying everything with the cancelling, or days typed short ("5 dgr"), asks for quick recall (F04).
    ['sv', 'säga upp och tömma hela tenanten direkt, går det?', 'quickRecall'],
    ['sv', 'kan mejlen raderas på 5 dgr i stället', 'quickRecall'],
    // Whether it goes at once, asked after "och"/"and" that joins it to what came before, asks what happens to the data (F11), not for haste.
    ['sv', 'Vi säger upp vid årsskiftet. Och försvinner mejlen direkt då, eller finns de kvar ett tag?', 'data'],
    ['en', 'We are closing the club account. And is everything deleted immediately or kept for a while?', 'data'],
    // A last clause that closes here, after saying the questions are answered, ends the conversation however long the message.
    ['sv', 'allt klart från min sida, vi kan avsluta här', 'endConversation'],
    ['en', "I got everything I needed about the domain and the data, let's close it here.", 'endConversation'],
    // Regretting oneself ("ångrar sig") is changing one's mind about the cancelling, named or not: reactivation (F03); denied, it is not.
    ['sv', 'om styrelsen ångrar sig om en månad, vad gör vi då?', 'reactivate'],
    ['sv', 'jag ångrar mig inte, hur säger jag upp?', 'startCancellation'],
    // Wanting them to know ("ni bör veta det") tells the reason for leaving: feedback.
    ['sv', 'vi slutar för att Teams buggade, ni bör veta det', 'giveFeedback'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe('embedded recognizer: session 24, English categories', () => {
  test.each([
    // An order to cancel, its verb first, beside a move told, is the request: no feedback is given.
    ['en', 'we found a cheaper suite, cancel it', 'startCancellation'],
    ['en', 'moving to another product. terminate pls', 'startCancellation'],
    ['en', 'kick off a cancellation for the firm', 'startCancellation'],
    // The reason told, or feedback named, with no order, stays feedback.
    ['en', 'we are cancelling since the price went up', 'giveFeedback'],
    ['en', "I'd like to give feedback before you cancel it", 'giveFeedback'],
    // Cancelling a phone, internet or home service, or a family plan, is another product's question: out of scope.
    ['en', 'how do we get out of our deal with the mobile operator', 'outOfScope'],
    ['en', 'our comcast business internet, how to cancel it', 'outOfScope'],
    ['en', 'I want to stop the family office 365 my kids use', 'outOfScope'],
    // Home named as a place of work names no other product.
    ['en', 'we use microsoft 365 at the office and at home, cancel it', 'startCancellation'],
    // A story told, the cancelling just before the question, then only the way asked: the path, whatever subject the story names.
    ['en', "After a long talk about money the partners chose to drop Office 365 because of the cost. I'm the one handling the cancellation. What do I do?", 'startCancellation'],
    ['en', 'We lost our biggest client and the licences cost too much now. So we have to cancel. Where do I start?', 'startCancellation'],
    ['sv', 'Styrelsen vill spara pengar på licenserna. Jag har fått i uppdrag att sköta uppsägningen. Hur gör jag?', 'startCancellation'],
    // A worry told between the cancelling and the question is what the question asks about.
    ['en', 'We are cancelling next week and there is a lot of mail in the mailboxes. None of it may get lost. How do we do that?', 'data'],
    // A greeting clipped by a letter or with one more at its end greets; another letter in a word's place is no greeting.
    ['en', 'heya', 'greeting'],
    ['en', 'helo', 'greeting'],
    ['en', 'hellp', 'help'],
    // Thanks in a short form, with nothing but thanks, thanks; a request with thanks at its edge stays the request.
    ['en', 'tyvm', 'thanks'],
    ['en', 'a real human please, thanks', 'talkToSupport'],
    // Another product the admin moves to, a few words after the moving, or named beside ours and its cancelling, is no other product's question.
    ['en', 'we are moving all our staff to google workspace because it is cheaper, just telling you', 'giveFeedback'],
    ['en', 'since we now use dropbox, do we lose the onedrive files when we cancel?', 'data'],
    // Named beside ours without a cancelling, or beside Microsoft alone, it stays out of scope.
    ['en', 'is dropbox a good replacement for sharepoint', 'outOfScope'],
    ['en', 'cancel game pass on my microsoft account', 'outOfScope'],
    // A registrar named, or the mail ending in the firm's or club's name, names the domain.
    ['en', 'does anything at namecheap need changing once we cancel office 365', 'domains'],
    ['en', 'every address we mail from ends in the club name, what becomes of that if we cancel', 'domains'],
    // The cost of leaving early in everyday words ("the damage", "pricey") is the fee's question.
    ['en', "what's the damage if we break the annual commitment early", 'earlyTerminationFee'],
    ['en', 'will it be pricey to quit midway through the term', 'earlyTerminationFee'],
    // Cancelling the wrong one or by accident, or wanting the cancelled plan back, is reactivation; money wanted back is not.
    ["en", "we terminated the wrong tenant's plan this morning, help", 'reactivate'],
    ['en', 'I accidentally cancelled our Office 365 yesterday', 'reactivate'],
    ['en', 'the chair wanted the old plan back after we ended it', 'reactivate'],
    ['en', 'we want our money back after cancelling', 'productKey'],
    // What is asked or checked on the call, read as help, is the details (F14); asking the assistant something stays help.
    ['en', 'what questions come up when I phone them', 'verification'],
    ['en', 'can I ask you something before I call', 'help'],
  ] as const)('%s: "%s" is first %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe('embedded recognizer: the rules read the voted scores', () => {
  // The vote's scores are flatter than nlp.js's alone: an unsure reading that names cancelling in any form ("sagt upp")
  // or bringing back by "reaktivera" speaks of our subjects and is not taken out of scope.
  test.each([
    ['sv', 'hur länge ligger våra saker kvar sedan vi sagt upp', 'data'],
    ['sv', 'vi vill reaktivera det gamla, hur går vi tillväga', 'reactivate'],
  ] as const)('%s "%s" is %s, not out of scope', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  // A term's length named as a payment by the month or as twelve months, asked of which plans, is the term's length (F07).
  test.each([
    ['sv', 'vilka abonnemang har månadsbetalning', 'termLengths'],
    ['sv', 'går det att köra 12 månader eller kortare', 'termLengths'],
    ['en', 'which plans come with 12 months', 'termLengths'],
  ] as const)('%s "%s" is %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe('embedded recognizer: signs widened for the vote in every reading', () => {
  // The vote leaves these unsure, so the out-of-scope rule needs a sign to keep them: deletion named as "permanently",
  // doing something over as "ta om", and being stuck as "not getting anywhere".
  test.each([
    ['en', 'is stuff removed permanently later on', 'data'],
    ['sv', 'jag valde fel sak, kan vi ta om det', 'startOver'],
    ['en', 'i am not getting anywhere with these steps', 'help'],
    // Where to call, read unsure as who may call with no role named, is support's way to be reached.
    ['sv', 'vart ringer man för att avsluta abonnemanget?', 'talkToSupport'],
    // Beginning the cancelling, read unsure as bringing back with nothing brought back, is the path.
    ['en', 'kick off the cancellation', 'startCancellation'],
    // The billing period or cycle asked of is the term's length (F07).
    ['sv', 'kan man välja faktureringsintervall?', 'termLengths'],
    ['en', 'what billing cycle do you offer?', 'termLengths'],
    // The guide asked after with "till för" (meant for) is whom it covers (F16), not who may call.
    ['sv', 'är detta till för den som har behörighet', 'appliesTo'],
    ['sv', 'är detta till för chefer eller vanliga medarbetare', 'appliesTo'],
  ] as const)('%s "%s" is %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe('embedded recognizer: greetings, thanks and endings of new writers', () => {
  // A greeting with a pleasantry, or with a question announced but not yet asked: the assistant greets and invites the question.
  test.each([
    ['en', 'hey team, got a quick question for you'],
    ['en', 'hi!! how are things?'],
    ['en', "good morning, I've got a question about our office 365 plan"],
    ['sv', 'hej! jag har en snabb fråga om vår prenumeration'],
  ] as const)('%s "%s" is a greeting', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('greeting');
  });

  // The question asked, or a fact's subject named, is that question.
  test.each([
    ['en', 'hi, I have a question: how long is our data kept after we cancel?', 'data'],
    ['sv', 'hej, jag har en fråga: hur länge sparas vår data efter uppsägningen?', 'data'],
    ['sv', 'hej, jag har en fråga om provperioden', 'trial'],
  ] as const)('%s "%s" is %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  // A farewell, leaving now, or being done for the day ends the conversation whatever topic the classifier leans to.
  test.each([
    ['en', 'cheers, gotta run'],
    ['en', 'thanks, that was all from me'],
    ['en', 'logging off now, cheers'],
    ['en', 'done for today'],
    ['sv', 'måste sticka nu, tack'],
    ['sv', 'klart för idag'],
    ['sv', 'ha det gött, tack'],
  ] as const)('%s "%s" ends the conversation', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('endConversation');
  });

  // A farewell word inside a question never ends it (issue 15).
  test.each([
    ['en', 'is the cancellation done for today?'],
    ['sv', 'hejdå till abonnemanget, hur gör jag?'],
    ['en', 'gotta go cancel our plan, where do I start'],
  ] as const)('%s "%s" does not end the conversation', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).not.toBe('endConversation');
  });

  // What the assistant, named, is for asks for help: what it can do. Which subscriptions it is for stays whom it covers (F16).
  test.each([
    ['en', "what's this chat for", 'help'],
    ['en', 'what is the purpose of this assistant', 'help'],
    ['sv', 'vad är syftet med assistenten', 'help'],
    ['en', 'which subscriptions is this bot for', 'appliesTo'],
  ] as const)('%s "%s" is %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  // Thanks typed short, and praise with thanks that opens like a question.
  test.each([
    ['en', 'thnks a lot'],
    ['en', 'thanx'],
    ['sv', 'vad fint, tack!'],
    ['sv', 'vad härligt, tack'],
  ] as const)('%s "%s" is thanks', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('thanks');
  });
});

describe('embedded recognizer: the fresh sets of the 25th session, by category', () => {
  // The fee for leaving early asked whether it holds ("gäller", "apply"), for a plan or at all, is the fee (F09): the verb names no audience of the guide.
  // So is a charge asked of leaving now, and leaving now weighed by its price against leaving at the term's end.
  test.each([
    ['sv', 'straffavgiften, gäller den även midsize business', 'earlyTerminationFee'],
    ['sv', 'vitet vid förtida uppsägning, gäller det alla planer?', 'earlyTerminationFee'],
    ['en', 'do penalties apply on enterprise plans', 'earlyTerminationFee'],
    ['en', 'would there be a charge for cancelling today rather than at the end of the term', 'earlyTerminationFee'],
    ['en', 'is it cheaper to cancel now or wait until the term ends', 'earlyTerminationFee'],
    ['sv', 'blir det dyrare att säga upp nu än vid periodens slut', 'earlyTerminationFee'],
    // Whom the guide covers, asked with "gäller", stays whom it covers.
    ['sv', 'gäller artikeln även för enterprise-admins', 'appliesTo'],
    // Starting over asked with thanks, or in the rarer words ("anew", "square one"), is starting over, not thanks or another topic.
    ['en', 'reset please, thanks', 'startOver'],
    ['en', 'back to square one I guess', 'startOver'],
    ['sv', 'vi får ta det från ruta ett', 'startOver'],
    // The assistant's own opinion asked of something else, which the vote leaves unsure between help and feedback, is out
    // of scope; an opinion of the service asked stays feedback.
    ['sv', 'vad tycker du om hockey', 'outOfScope'],
    ['sv', 'vad tycker du om schack egentligen', 'outOfScope'],
    ['sv', 'vad tycker du om den nya iphonen?', 'outOfScope'],
    ['sv', 'vad tycker du om tjänsten', 'giveFeedback'],
    // Being called back, or support's people asked to take the matter over, is support; a colleague taking over asks who may call.
    ['sv', 'kan jag bli uppringd istället', 'talkToSupport'],
    ['sv', 'kan en tekniker hos er ta över det här', 'talkToSupport'],
    ['en', 'I give up on this, could a Microsoft engineer take it from here?', 'talkToSupport'],
    ['sv', 'kan min kollega ta över ärendet', 'whoMayCall'],
    // A trial named as a "prenumeration" (the admin center's word) is the trial (F01).
    ['sv', 'vad händer med vår testprenumeration när den går ut', 'trial'],
    // Setting the cancelling going in two words ("sätt igång") is the path, not bringing it back; starting it up again stays reactivation.
    ['sv', 'sätt igång uppsägningen av vårt abonnemang', 'startCancellation'],
    ['sv', 'kör igång abonnemanget igen efter uppsägningen', 'reactivate'],
    // The guidance named before "för"/"for" and an audience asks whom it covers (F16), not who may call.
    ['sv', 'är hjälpen för stora företag också', 'appliesTo'],
    ['en', 'are these instructions for small companies', 'appliesTo'],
  ] as const)('%s "%s" is %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe('embedded recognizer: stems that caught other words', () => {
  // A word a stem's letters begin but which means something else names none of our subjects: "whole" is no "who",
  // a film club's "film" no file; so a bare request to cancel that holds one stays the request to cancel.
  test.each([
    ['en', 'please cancel the whole lot for us', 'startCancellation'],
    ['en', 'cancel the whole account', 'startCancellation'],
    ['en', 'we run a film club, how do we cancel', 'startCancellation'],
    ['sv', 'vi har en filmklubb, hur säger vi upp', 'startCancellation'],
  ] as const)('%s "%s" is %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  // "redo" is Swedish "ready" and the English verb: as such it names no detail of ours, so being ready to cancel is a
  // sure request to cancel and redoing from scratch surely starting over; the details to have ready stay the details.
  test.each([
    ['sv', 'vi är redo att säga upp', 'startCancellation'],
    ['en', 'can I redo all of it from scratch', 'startOver'],
  ] as const)('%s "%s" is surely %s', async (language, text, intent) => {
    const top = rankIntents(await recognizer.recognizeText(text, language))[0];
    expect(top?.intent).toBe(intent);
    expect(top?.score).toBeGreaterThanOrEqual(CONFIDENT_SCORE);
  });

  test('the details to have ready ("ha redo") stay the details support checks', async () => {
    expect(topIntent(await recognizer.recognizeText('vad behöver jag ha redo', 'sv'))).toBe('verification');
  });
});

describe('embedded recognizer: the conversational intents of the 25th session, second round', () => {
  test.each([
    // A greeting that introduces the writer or the firm and asks nothing yet is a greeting: the assistant greets and invites the question.
    ['en', 'hey, Dave here, I do the IT for a small accounting office', 'greeting'],
    ['en', 'hello, this is Omar, the IT admin for a small shop', 'greeting'],
    ['en', "hey, I'm new to the admin role here", 'greeting'],
    ['sv', 'hej, jag är ny som admin på en frisörsalong', 'greeting'],
    ['sv', 'hallå, det är Eva på kontoret, jag är admin', 'greeting'],
    // Being done told, then closing now, ends the conversation; the bare imperative "avsluta" stays the subscription's.
    ['en', 'got what I came for, closing now', 'endConversation'],
    ['sv', 'behöver ingenting mer, avslutar nu', 'endConversation'],
    ['sv', 'klart här, avslutar chatten', 'endConversation'],
    ['sv', 'nöjd för den här gången, avslutar', 'endConversation'],
    ['sv', 'avsluta nu tack', 'startCancellation'],
    ['sv', 'hur avslutar jag prenumerationen när vi är klara?', 'startCancellation'],
    // What the assistant, addressed, is for, or where to begin with it, is help, not out of scope or the path.
    ['en', 'what are you actually for', 'help'],
    ['en', 'where do I begin with you', 'help'],
    ['sv', 'vad är du här till för', 'help'],
    ['sv', 'var ska jag börja med dig', 'help'],
    // Asking what kind of assistant this is ("vad är det för bot") asks what it is for.
    ['sv', 'vad är detta för assistent', 'help'],
    ['sv', 'vad är det för bot', 'help'],
    // The writer asking whom to call at support, or to call it themselves, or a call back, is handed over to support;
    // what to have ready for the call stays the details (F14), a role named stays who may call (F15).
    ['sv', 'vem kan jag ringa på Microsoft', 'talkToSupport'],
    ['en', 'who should I phone at Microsoft support', 'talkToSupport'],
    ['en', 'could I call support myself', 'talkToSupport'],
    ['en', 'can I get a callback from you', 'talkToSupport'],
    ['sv', 'vad behöver jag ha till hands när jag ringer supporten', 'verification'],
    ['sv', 'kan jag ringa supporten fast jag inte är admin', 'whoMayCall'],
  ] as const)('%s "%s" is %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe('embedded recognizer: the typo corrector keeps real words (the spelling dictionaries)', () => {
  // A correctly spelled word the corpus lacks is read as written, not as the corpus word one or two letters off.
  test.each([
    ['sv', 'ledningen på kontoret har bestämt att vi byter leverantör', 'ledningen'],
    ['sv', 'vi vill vända på det och behålla kontot ändå', 'vända'],
    ['sv', 'vissa av våra användare jobbar kvar i ett år till', 'vissa'],
    ['sv', 'styrelsen funderar fortfarande på saken', 'funderar'],
    ['sv', 'vi har beslutat att inte förnya i år', 'beslutat'],
    ['sv', 'jag minns inte vilket konto vi använde', 'minns'],
    ['sv', 'jag vet inte heller hur det fungerar', 'heller'],
    ['sv', 'vi har fått en offert från en annan leverantör', 'offert'],
    ['en', 'our financial year closes in december', 'december'],
    ['en', 'what becomes of the files the team uploaded last spring', 'uploaded'],
    ['en', 'the organisation is winding down next quarter', 'organisation'],
  ] as const)('%s: "%s" keeps "%s"', async (language, text, word) => {
    expect((await recognizer.recognizeText(text, language)).alteredText.split(' ')).toContain(word);
  });

  test('a Swedish typo of a corpus word is still corrected', async () => {
    expect((await recognizer.recognizeText('hur säger jag upp abbonemanget', 'sv')).alteredText.split(' ')).toContain('abonnemanget');
  });

  test('a Swedish word read as another form of itself keeps that reading ("betalt" as "betala")', async () => {
    expect((await recognizer.recognizeText('tar microsoft betalt för det', 'sv')).alteredText.split(' ')).toContain('betala');
  });
});

describe('embedded recognizer: the typo corrector leaves a word of the other language as written', () => {
  // An English word in a Swedish message is not a typo of a Swedish corpus word one letter off.
  test.each([
    ['är du en assistant som kan hjälpa till med uppsägningen', 'assistant'],
    ['vår registrar sköter domänen åt oss', 'registrar'],
  ])('"%s" keeps "%s"', async (text, word) => {
    expect((await recognizer.recognizeText(text, 'sv')).alteredText.split(' ')).toContain(word);
  });
});

describe('embedded recognizer: English conversational messages of round three (issue 15)', () => {
  test.each([
    // Thanks for something the assistant told opens the message: the subject it names is what was answered.
    ['thanks', 'thank you for explaining how the refund works, very clear'],
    ['thanks', 'appreciate you clearing up the renewal question'],
    ['thanks', 'thank you for the details on the renewal date, that helps'],
    ['thanks', 'thanks for the heads up about the deletion of files'],
    // Closing here with a wish for the evening or the weekend, and the chat named as what is ended.
    ['endConversation', 'logging off now, have a good one'],
    ['endConversation', 'signing off, enjoy your weekend'],
    ['endConversation', 'end this session please'],
    ['endConversation', 'closing this now, enjoy your night'],
    // What the assistant is for, with "what" inside the message or filler after "for".
    ['help', 'so what is this assistant for anyway'],
    ['help', 'tell me what this chat is for'],
    ['help', 'what are you for then'],
    ['help', 'describe what the chat is for'],
    // A person called for by name alone, or staff to talk to.
    ['talkToSupport', 'operator'],
    ['talkToSupport', 'I want an operator'],
    ['talkToSupport', 'is any staff around to talk to?'],
  ] as const)('%s: "%s"', async (intent, text) => {
    expect(topIntent(await recognizer.recognizeText(text, 'en'))).toBe(intent);
  });

  // A word of ending or thanks inside a question never ends the conversation nor thanks: the question is answered.
  test.each([
    'can I end this chat and come back to it later?',
    'thanks for that, but what happens to our mailboxes?',
    'what is the fee for ending early',
    'thanks for the info, now I want to cancel our subscription',
  ])('"%s" is neither thanks nor an ending', async (text) => {
    expect(['thanks', 'endConversation']).not.toContain(topIntent(await recognizer.recognizeText(text, 'en')));
  });
});

describe('embedded recognizer: Swedish conversational messages in chat language (session 25, round three)', () => {
  // Colloquial greetings, thanks told with what was thanked for, praise without thanks, colloquial farewells,
  // closing the chat politely, and a person asked for instead of the machine: each its own kind, not a single message.
  test.each([
    ['Morjens! Stina på kansliet här', 'greeting'],
    ['Mojn! Frågan kommer snart', 'greeting'],
    ['tack för förklaringen om fakturorna, den hade jag inte sett', 'thanks'],
    ['tack för beskedet om avgiften, då vet jag', 'thanks'],
    ['Grymt förklarat!', 'thanks'],
    ['Du är guld värd', 'thanks'],
    ['Klockrent svar', 'thanks'],
    ['Du är en stjärna', 'thanks'],
    ['Hej svejs!', 'endConversation'],
    ['Ses!', 'endConversation'],
    ['Trevlig helg på dig', 'endConversation'],
    ['Jag loggar ut nu. Ha en skön dag', 'endConversation'],
    ['stäng ner chatten åt mig', 'endConversation'],
    ['personalen på Microsoft, inte roboten', 'talkToSupport'],
    ['medarbetare, inte maskin', 'talkToSupport'],
  ] as const)('"%s" is %s', async (text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, 'sv'))).toBe(intent);
  });

  test('thanks with well-wishing stays thanks', async () => {
    expect(topIntent(await recognizer.recognizeText('Tack så mycket, ha en trevlig kväll', 'sv'))).toBe('thanks');
  });

  test('a bare "avsluta" is the subscription, not the chat', async () => {
    expect(topIntent(await recognizer.recognizeText('avsluta', 'sv'))).toBe('startCancellation');
  });

  // Issue 15: a word inside a question never ends the conversation, and thanks followed by a question is that question.
  test.each(['ses det i administrationscentret när abonnemanget är uppsagt?', 'Hörs det något om fakturan snart?', 'Trevlig helg, men hur säger jag upp abonnemanget?'])('"%s" does not end the conversation', async (text) => {
    expect(topIntent(await recognizer.recognizeText(text, 'sv'))).not.toBe('endConversation');
  });

  test('thanks for an answer followed by a question is no thanks', async () => {
    expect(topIntent(await recognizer.recognizeText('tack för svaret, men hur gör jag med fakturan?', 'sv'))).not.toBe('thanks');
  });
});

describe("embedded recognizer: a new writer's misses, by kind (session 26)", () => {
  // Each kind a blind writer's message was missed by, in our own wordings: the trial named by its time, a boxed product
  // told without a word of buying, what support will want to know after the call is announced, "this" asked about for an
  // audience, a device named last in a Swedish compound, an everyday question whose reading was set aside, a pace set
  // against the usual one or deletion right after cancelling, and the writer calling in person or another in their place.
  test.each([
    ['sv', 'När testtiden är över, raderas då våra dokument?', 'trial'],
    ['sv', 'Vad händer med mejlen när provtiden tar slut?', 'trial'],
    ['en', 'Ours came in a box from the electronics shop. Does it lapse by itself, or must I cancel?', 'openFpp'],
    ['sv', 'Jag ska ringa och avsluta i morgon bitti. Vad vill de veta om mig så jag har det klart?', 'verification'],
    ['sv', 'är det här för småföretag eller stora företag?', 'appliesTo'],
    ['en', 'is this for business admins or end users', 'appliesTo'],
    ['sv', 'etikettskrivaren på lagret krånglar, vad ska jag göra', 'outOfScope'],
    ['sv', 'bärbardatorn startar inte, vad gör jag nu', 'outOfScope'],
    ['sv', 'vilket vin passar till älgstek egentligen', 'outOfScope'],
    ['en', 'could our files be erased rather than kept for the full 90 days?', 'quickRecall'],
    ['sv', 'kan allt raderas på dagar snarare än månader?', 'quickRecall'],
    ['en', 'wipe everything right after we cancel, privacy reasons', 'quickRecall'],
    ['en', 'erase all our data straight after the cancellation please', 'quickRecall'],
    ['en', 'must I make the call personally or can someone else do it?', 'whoMayCall'],
  ] as const)('%s: "%s" is %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });

  // Asking whether it goes right after cancelling asks what happens (F11), not for haste.
  test('whether the data goes right after cancelling is the data question', async () => {
    expect(topIntent(await recognizer.recognizeText('is it deleted right after cancelling?', 'en'))).toBe('data');
  });

  // The neighbours each new sign must leave as they were.
  test.each([
    ['sv', 'Vi fick Office i en kartong från en elektronikbutik. Tar det slut av sig självt?', 'openFpp'],
    ['sv', 'Jag ska ringa och avsluta i morgon. Måste det vara en administratör som ringer?', 'whoMayCall'],
    ['sv', 'måste jag ringa själv eller kan någon annan göra det?', 'whoMayCall'],
    ['en', 'when is our data deleted after we cancel?', 'data'],
  ] as const)('%s: "%s" stays %s', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

describe('embedded recognizer: Swedish greetings in all their forms (session 26)', () => {
  // A greeting of a time of day or weekday, after an interjection, stretched, or followed only by who writes, a hope, a remark
  // on the day, a question still to come or leave to go on; checking whether anyone is there or this is the right chat; a
  // wave. Each a kind, not a single message.
  test.each([
    'Glad fredag på er',
    'Trevlig torsdag! Hoppas dagen är lugn hos er',
    'God middag, Sara här från kontoret',
    'Nämen hej, Olle från verkstan här',
    'En riktigt god morgon till dig',
    'Heej! Hoppas allt är toppen hos dig',
    'Hej hej, hoppas att allt rullar på',
    'tjaa, e ekonomiansvarig på ett kafé',
    'Tjenare. Jag heter Ali och sköter datorerna på en förskola. Ska ställa ett par frågor lite senare.',
    'Hej hej. Jag jobbar på en redovisningsbyrå. Har några frågor om licenserna, om det går för sig.',
    'lever du, bot?',
    'Hej! Sitter du där?',
    '👋🏽',
    'Hej, jag har vårt konto framför mig och ska fråga om en grej',
    'Hallå! Jag återkommer med min fråga om en liten stund',
    'Hej! Är det här rätt chatt?',
    'Hej! Vilken fin dag det är idag',
    'Hej, vi är en förskola med 12 anställda och jag är rektor',
    'God eftermiddag, jag har tagit över som administratör efter min kollega',
    'Hej! Nyanställd på kontoret och fått ansvar för Office',
  ])('"%s" is a greeting', async (text) => {
    expect(topIntent(await recognizer.recognizeText(text, 'sv'))).toBe('greeting');
  });

  test('closing "ner här" ends the conversation', async () => {
    expect(topIntent(await recognizer.recognizeText('så, jag stänger ner här nu', 'sv'))).toBe('endConversation');
  });

  // A greeting followed by a real question, a hope that names a subject of ours, or checking for support's people stays that question;
  // and the other conversational kinds the same sets showed.
  test.each([
    ['Hej! Hoppas ni kan förklara avgiften för mig', 'earlyTerminationFee'],
    ['Hej, jag är ekonomiansvarig. Vad kostar det att säga upp i förtid?', 'earlyTerminationFee'],
    ['Hej! Jag heter Per och vill säga upp vårt abonnemang', 'startCancellation'],
    ['Hej, är det någon som svarar i telefon på supporten?', 'talkToSupport'],
    ['hej, tänkte fråga hur länge vi kommer åt filerna efter uppsägningen', 'data'],
    // Questions announced that tell what they ask, or name a subject of ours, are that question.
    ['Hej! Jag har ett par frågor om hur vi får tillbaka pengarna', 'productKey'],
    ['Hej! Har ett par funderingar om förnyelsen, den sker ju automatiskt', 'termEnd'],
    // A pleasantry or a check whether anyone is there, asked before a request to cancel, leaves the request the path.
    ['Tjena, läget? Vi ska säga upp vår prenumeration.', 'startCancellation'],
    ['Hej! Sitter du där? Jag vill avsluta vårt abonnemang.', 'startCancellation'],
    // Unsure of something, told after "jag är", is a question told, not who writes.
    ['Hej, jag är osäker på hur länge bindningstiden är', 'termLengths'],
    // Thanks for something told beside a remark naming a device stays thanks; an everyday task asked after thanks is out of scope.
    ['Tack för att du tog dig tid, jag är ingen hejare på datorer', 'thanks'],
    ['Tusen tack för hjälpen, min dator krånglar annars jämt', 'thanks'],
    ['tack för svaret, men hur byter jag lösenord i outlook', 'outOfScope'],
  ] as const)('"%s" is %s', async (text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, 'sv'))).toBe(intent);
  });
});

describe('embedded recognizer: "redo" in English and Swedish (session 26)', () => {
  // English "redo" asks to do the conversation again; Swedish "redo" is "ready" and starts nothing over.
  test.each(['Could we redo all of this?', 'we should redo this conversation', 'mind if we redo it?', 'go back and redo everything'])('English "%s" starts over', async (text) => {
    expect(topIntent(await recognizer.recognizeText(text, 'en'))).toBe('startOver');
  });

  test('redoing something of ours is asked about that, not starting over', async () => {
    expect(topIntent(await recognizer.recognizeText('If the call drops, do I have to redo the identity check?', 'en'))).toBe('verification');
  });

  test.each(['jag är redo', 'är du redo?'])('Swedish "%s" does not start over', async (text) => {
    expect(topIntent(await recognizer.recognizeText(text, 'sv'))).not.toBe('startOver');
  });

  test('Swedish "redo" of the call\'s details stays the details', async () => {
    expect(topIntent(await recognizer.recognizeText('vad behöver jag ha redo när jag ringer supporten', 'sv'))).toBe('verification');
  });
});

describe('embedded recognizer: Swedish compounds kept whole (session 26)', () => {
  // A compound led by a particle has a meaning of its own: "genomgång" (a walk-through) is no "genom gång" (through,
  // once), which read as starting over; "tillgång" (access) is no "till gång". Compounds of two nouns are still taken
  // apart into the words the classifier learnt ("kunddatan" → "kund datan"), and so is "tusentack".
  test.each(['genomgång', 'tillgång'])('"%s" reaches the classifier whole', async (compound) => {
    const result = await recognizer.recognizeText(`hur blir det med ${compound} sen`, 'sv');
    expect(result.alteredText.split(' ')).toContain(compound);
  });

  test('a bare "genomgång" does not start the conversation over', async () => {
    expect(topIntent(await recognizer.recognizeText('genomgång', 'sv'))).not.toBe('startOver');
  });

  test('compounds of two nouns and thanks written as one word are still taken apart', async () => {
    expect((await recognizer.recognizeText('raderas kunddatan', 'sv')).alteredText).toBe('raderas kund datan');
    const thanks = await recognizer.recognizeText('tusentack', 'sv');
    expect(thanks.alteredText).toBe('tusen tack');
    expect(topIntent(thanks)).toBe('thanks');
  });
});

describe('embedded recognizer: English greetings in their realistic forms (session 26)', () => {
  // Each kind once, in wordings of our own: a colloquial or clipped greeting word alone, a time of day or a day's wish,
  // a name with the firm, an introduction clause by clause, a question announced or a wait asked for, a check that
  // someone is there, and a greeting of the other language opening an English message.
  test.each([
    ['whassup!', 'greeting'],
    ['Afternoon, I\'m the bookkeeper for a small joinery', 'greeting'],
    ['Happy Friday 😊', 'greeting'],
    ['G\'day, Mick from Harbour Signs', 'greeting'],
    ['Good evening to you. I\'m writing for the parish office; my name is Ingrid.', 'greeting'],
    ['hey, I\'ve got a couple of questions about our account, give me a sec', 'greeting'],
    ['good morning, I have two questions about the licences we hold, will type them shortly', 'greeting'],
    ['hi, hang on a moment, still digging out the invoice before I ask anything', 'greeting'],
    ['hello, is this thing working', 'greeting'],
    ['Hej! Carla here, I do the IT at a tiny bike shop (three of us)', 'greeting'],
  ] as const)('"%s" is %s', async (text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, 'en'))).toBe(intent);
  });

  // A greeting followed by a real question, a request or cancelling is that, however the greeting opens it.
  test.each([
    ['Hi, I\'m the admin at a small firm, what does it cost to leave early?', 'earlyTerminationFee'],
    ['hi there, bear with me, we want to cancel our plan', 'startCancellation'],
    ['Evening, I\'m the treasurer, how long do we keep access to our files', 'data'],
  ] as const)('"%s" stays %s', async (text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, 'en'))).toBe(intent);
  });
});

describe('embedded recognizer: English farewells after a longer sentence (session 26)', () => {
  // Being done, or leaving now, told in one clause and a farewell in a later one: the message is too long for a farewell alone.
  test.each(['That is all I needed to know for today. Goodbye, and have a nice weekend.', 'OK, I need to dash now, someone is at the door. Bye for now'])('"%s" ends the conversation', async (text) => {
    expect(topIntent(await recognizer.recognizeText(text, 'en'))).toBe('endConversation');
  });

  test('a farewell beside a question is that question', async () => {
    expect(topIntent(await recognizer.recognizeText('I have to dash, but what does leaving early cost? bye', 'en'))).not.toBe('endConversation');
  });
});

describe('embedded recognizer: English thanks told as gratitude (session 26)', () => {
  // Being grateful thanks as "thank you" does, also after the writer and a word of degree ("I'm really grateful for …").
  test.each(['so grateful for the clear answers', 'We are incredibly grateful for your patience today'])('"%s" is thanks', async (text) => {
    expect(topIntent(await recognizer.recognizeText(text, 'en'))).toBe('thanks');
  });

  test('gratitude followed by a question is that question', async () => {
    expect(topIntent(await recognizer.recognizeText("I'm grateful for the help, but how do I stop the renewal?", 'en'))).not.toBe('thanks');
  });
});

describe('embedded recognizer: English check that someone is there, alone (session 26)', () => {
  // With no greeting word: a person or the assistant checked for is a greeting, a thing that may be the subscription is not.
  test.each(['are you awake?', 'is anybody around?'])('"%s" is a greeting', async (text) => {
    expect(topIntent(await recognizer.recognizeText(text, 'en'))).toBe('greeting');
  });

  test('"is it still on?" is no greeting', async () => {
    expect(topIntent(await recognizer.recognizeText('is it still on?', 'en'))).not.toBe('greeting');
  });
});

// Session 26: a reading a sign decided is acted on; a subject named only in passing (the writer's own role, the verb of
// applying, the admin pages, the data that quick recall deletes or reactivation brings back) no longer stands level beside it.
describe('readings the bot acts on: no second topic from a subject named in passing', () => {
  test.each([
    ['sv', 'Jag är admin på ett bageri, vad händer med det vi har sparat när vi avslutar?', 'data'],
    ['en', "I'm the IT admin at a car repair shop, what happens to our email after we cancel?", 'data'],
    ['sv', 'jag är admin i vår bostadsrättsförening, hur länge gäller ett abonnemang, månad eller år?', 'termLengths'],
    ['sv', 'Vad gäller för Enterprise, är det årsvis eller kan man betala per månad?', 'termLengths'],
    ['en', 'monthly or yearly, which applies to our Small Business plan?', 'termLengths'],
    ['en', 'which plans does a monthly term apply to', 'termLengths'],
    ['sv', 'Det står Small Business på adminsidan, hur länge är vi bundna?', 'termLengths'],
    ['en', "we'd rather not have our data kept around for 90 days after we leave, can it be removed sooner", 'quickRecall'],
    ['en', 'we cancelled last month, can we turn it back on and still have our mailboxes?', 'reactivate'],
    ['sv', 'vi avslutade förra månaden, kan vi starta det igen och ha kvar våra mejl?', 'reactivate'],
  ] as const)('%s: "%s" is confidently %s', async (language, text, intent) => {
    expect(interpretRecognition(await recognizer.recognizeText(text, language))).toEqual(expect.objectContaining({ kind: 'confident', intent }));
  });

  test.each([
    ['en', 'Our Office is a boxed retail edition. How do we make it stop?'],
    ['sv', 'Vårt Office är en boxad butiksversion. Hur får vi det att sluta?'],
  ] as const)('%s: a plan its sign decided ("%s") is acted on, the reading it overruled not offered beside it', async (language, text) => {
    expect(interpretRecognition(await recognizer.recognizeText(text, language))).toEqual(expect.objectContaining({ kind: 'confident', intent: 'openFpp' }));
  });

  test('thanks with closing words is a sure goodbye, not left level with the thanks it overrules', async () => {
    const goodbye = interpretRecognition(await recognizer.recognizeText('Thanks, got everything I came for, you may close the conversation.', 'en'));
    expect(goodbye).toEqual(expect.objectContaining({ kind: 'confident', intent: 'endConversation' }));
  });

  test('two subjects asked about still offer both, and a guide asked whether it applies is the guide question', async () => {
    const twoSubjects = interpretRecognition(await recognizer.recognizeText('tell me about the early termination fee and what becomes of our files', 'en'));
    expect(twoSubjects.kind).toBe('unsure');
    expect(twoSubjects.kind === 'unsure' && twoSubjects.candidates.map((candidate) => candidate.intent)).toEqual(expect.arrayContaining(['earlyTerminationFee', 'data']));
    expect(interpretRecognition(await recognizer.recognizeText('gäller den här guiden även för Midsize Business', 'sv'))).toEqual(expect.objectContaining({ kind: 'confident', intent: 'appliesTo' }));
  });
});

// Session 26, second round: a letter-style greeting (a salutation to an addressee, the writer's sign-off and name, the writer sending
// greetings, having taken over a role, a letter's pleasantry) is a greeting; a letter that asks a real question stays that question.
describe('greetings written as a letter', () => {
  test.each([
    ['en', 'Dear helpdesk,\n\nI hope you are keeping well.\n\nYours sincerely,\nHelen Borg'],
    ['en', 'Dear Microsoft team, I trust you are well. Best regards, Tom'],
    ['en', 'To whom it may concern, the treasurer of a rowing club sends her regards.'],
    ['en', 'Hullo! I have just taken over the office admin job from a colleague who retired last spring, together with all her passwords.'],
    ['en', 'Salutations, dear assistant.'],
    ['sv', 'Kära kundtjänst! Jag har ett par frågor som kommer lite senare. Hälsningar, Olle'],
    ['sv', 'Bästa supportteam. Undertecknad är nyvald ordförande i tennisklubben. Vänliga hälsningar, Ingrid Ek'],
    ['sv', 'Till den det berör. Lotta Berg, kassör i Roddklubben, hälsar vänligen.'],
    ['sv', 'Mors! Ny som ordförande i syföreningen.'],
    ['sv', 'Ärade Microsoft, Per Holm från Bygdegården hälsar.'],
  ] as const)('%s: "%s" is a greeting', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('greeting');
  });

  test.each([
    ['en', 'Dear support, what does it cost to end our plan before the term is up?', 'earlyTerminationFee'],
    ['sv', 'Bästa kundtjänst, vem får ringa er för att säga upp abonnemanget?', 'whoMayCall'],
  ] as const)('%s: a letter that asks ("%s") is that question, not a greeting', async (language, text, intent) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).not.toBe('greeting');
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe(intent);
  });
});

// Session 26, second round: a letter that closes the chat and then only parts, signs off and names the writer ends the conversation,
// and so does closing the chat beside a parting wish that also greets ("good evening to you").
describe('closing a chat as a letter closes', () => {
  test.each([
    ['en', "Okay, I'm logging off now. Take care and all the best, Ruth"],
    ['sv', 'Jag loggar ut nu. Allt gott, Birgitta'],
    ['en', 'We can end our conversation there. Good evening to you!'],
    ['sv', 'Jag avslutar chatten här. God kväll på er.'],
  ] as const)('%s: "%s" ends the conversation', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('endConversation');
  });

  test('a greeting that asks about closing the subscription stays that question', async () => {
    expect(topIntent(await recognizer.recognizeText('Good evening, how do I close our subscription?', 'en'))).not.toBe('endConversation');
  });
});

// Session 26, second round: thanks that say whose they are and how warm before "tack för" / "thanks for" are thanks for something told,
// after a salutation too.
describe('warm thanks with whose they are', () => {
  test.each([
    ['sv', 'Kära supporten, vårt hjärtliga tack för all vägledning i dag.'],
  ] as const)('%s: "%s" is thanks', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('thanks');
  });
});

// Session 26, second round: asking leave to introduce oneself after a greeting is a preface, not a question of ours.
describe('asking leave to introduce oneself', () => {
  test.each([
    ['sv', 'Tjena! Kan jag först få presentera mig? Jag heter Nils och är vaktmästare på skolan.'],
    ['en', 'Good morning. May I introduce myself first? I am Rosa, caretaker at the village hall.'],
  ] as const)('%s: "%s" is a greeting', async (language, text) => {
    expect(topIntent(await recognizer.recognizeText(text, language))).toBe('greeting');
  });
});
