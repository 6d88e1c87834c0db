import { MemoryStorage } from 'botbuilder';
import { createI18n } from '../src/domain/i18n.js';
import { CASE_REFERENCE_PATTERN, newCaseReference, reserveCaseReference, supportCommand } from '../src/domain/supportCase.js';
import { CREATE_ONLY_ETAG } from '../src/domain/storage/optimisticConversationState.js';
import { escapeMarkdown } from '../src/domain/supportSummary.js';

const i18n = createI18n();

describe('case references', () => {
  test('look like CA-7K3Q9P, without characters that are confused on the phone', () => {
    const references = Array.from({ length: 200 }, () => newCaseReference());
    for (const reference of references) {
      expect(reference).toMatch(CASE_REFERENCE_PATTERN);
      expect(reference.slice(3)).not.toMatch(/[01ILOUVW]/);
    }
    expect(new Set(references).size).toBeGreaterThan(190);
  });

  test('a reference once given is never given again, even when the random draw repeats it', async () => {
    const storage = new MemoryStorage();
    const draws = ['CA-AAAAAA', 'CA-AAAAAA', 'CA-AAAAAA', 'CA-BBBBBB'];
    const generate = () => draws.shift()!;
    expect(await reserveCaseReference(storage, generate)).toBe('CA-AAAAAA');
    expect(await reserveCaseReference(storage, generate)).toBe('CA-BBBBBB');
    expect(draws).toEqual([]);
  });

  test('costs one create-only write by key per draw and no read, however many references were given before', async () => {
    const storage = new MemoryStorage();
    for (let index = 0; index < 300; index++) await reserveCaseReference(storage);
    const reads: string[][] = [];
    const read = storage.read.bind(storage);
    storage.read = (keys) => (reads.push(keys), read(keys));
    const writes: [string, unknown][] = [];
    const write = storage.write.bind(storage);
    storage.write = (changes) => (writes.push(...Object.entries(changes).map(([key, item]) => [key, item.eTag] as [string, unknown])), write(changes));
    await reserveCaseReference(storage, () => 'CA-CCCCCC');
    expect(reads).toEqual([]);
    expect(writes).toEqual([['case-references/CA-CCCCCC', CREATE_ONLY_ETAG]]);
  });

  test('two reservations drawing the same reference at once get different ones', async () => {
    const storage = new MemoryStorage();
    const first = ['CA-DDDDDD', 'CA-EEEEEE'];
    const second = ['CA-DDDDDD', 'CA-FFFFFF'];
    const reserved = await Promise.all([reserveCaseReference(storage, () => first.shift()!), reserveCaseReference(storage, () => second.shift()!)]);
    expect(new Set(reserved).size).toBe(2);
    expect(reserved).toContain('CA-DDDDDD');
  });
});

describe('skip and stop words in the support path', () => {
  test.each([
    ['hoppa över', 'skip'],
    ['Hoppa över!', 'skip'],
    ['skip', 'skip'],
    ['skippa', 'skip'],
    ['stoppa', 'stop'],
    ['sluta', 'stop'],
    ['Stop', 'stop'],
  ])('%j is %s', (input, command) => {
    expect(supportCommand(i18n, input)).toBe(command);
  });

  test.each(['avbryt', 'avsluta', 'jag vill avbryta', 'cancel', 'Storgatan 1', ''])(
    '%j is neither: "avbryta"/"avsluta" also mean cancelling the subscription',
    (input) => {
      expect(supportCommand(i18n, input)).toBeUndefined();
    },
  );
});

describe('markdown escaping of user text', () => {
  test.each([
    ['[click](http://example.com)', String.raw`\[click\](http://example.com)`],
    ['*Acme* _AB_', String.raw`\*Acme\* \_AB\_`],
    ['<b>x</b> ~~y~~ `z`', String.raw`\<b\>x\</b\> \~\~y\~\~ \`z\``],
    ['Åsa Öberg-Lindqvist', 'Åsa Öberg-Lindqvist'],
    ['back\\slash', String.raw`back\\slash`],
  ])('%j is shown literally as %j', (input, escaped) => {
    expect(escapeMarkdown(input)).toBe(escaped);
  });
});
