import { isCancellationRequest, recognizeGlobalCommand } from '../src/domain/globalCommands.js';

describe('global commands', () => {
  test.each([
    ['hjälp', 'help'],
    ['Help!', 'help'],
    ['börja om', 'startOver'],
    ['start over', 'startOver'],
    ['avsluta samtalet', 'stop'],
    ['Avbryt samtalet.', 'stop'],
    ['stopp', 'stop'],
    ['stop', 'stop'],
    ['end the conversation', 'stop'],
  ])('"%s" is %s', (typed, command) => {
    expect(recognizeGlobalCommand(typed)).toBe(command);
  });

  test.each(['avbryta', 'avbryt', 'avsluta', 'jag vill avbryta', 'cancel', 'avsluta abonnemanget', 'hjälp mig att avsluta'])(
    '"%s" is no global command: avbryta/avsluta/cancel mean cancelling the subscription',
    (typed) => {
      expect(recognizeGlobalCommand(typed)).toBeUndefined();
    },
  );
});

describe('what asks to cancel a subscription', () => {
  test.each(['jag vill avbryta', 'Avsluta abonnemanget', 'jag vill säga upp vårt abonnemang', 'I want to cancel', 'cancel my subscription'])(
    '"%s" does',
    (typed) => {
      expect(isCancellationRequest(typed)).toBe(true);
    },
  );

  test.each(['hej', 'avsluta samtalet', 'svenska', 'what does it cost', ''])('"%s" does not', (typed) => {
    expect(isCancellationRequest(typed)).toBe(false);
  });
});
