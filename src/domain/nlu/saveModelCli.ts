/**
 * Run by `npm run build`: trains the embedded recognizer from `locales/` and saves it to
 * `dist/nlu-model.json`, so the bot's start-up loads it instead of training (see SAVED_MODEL_FILE).
 */
import { writeFileSync } from 'node:fs';
import { createEmbeddedRecognizer, SAVED_MODEL_FILE } from './index.js';

const startedAt = performance.now();
// No saved model is read here: the build always trains afresh from the texts as they are.
const recognizer = await createEmbeddedRecognizer({ defaultLanguage: 'sv', savedModelFile: '' });
writeFileSync(SAVED_MODEL_FILE, JSON.stringify(recognizer.saveModel()));
process.stdout.write(`Trained the recognizer in ${Math.round(performance.now() - startedAt)} ms and saved it for start-up.\n`);
