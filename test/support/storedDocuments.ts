import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under the data folder, for checks that nothing stored is half-written or unreadable. */
export function storedFiles(dataDir: string): string[] {
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * The stored documents that do not parse (should always be none): every `.json` document whole,
 * and every complete line of a `.jsonl` record file (an unterminated last line is the torn append
 * of a killed process, which the record store skips by design).
 */
export function unreadableDocuments(dataDir: string): string[] {
  return storedFiles(dataDir).filter((file) => {
    if (file.endsWith('.json')) return !parses(readFileSync(file, 'utf8'));
    if (file.endsWith('.jsonl')) {
      const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1);
      return !lines.every((line) => line === '' || parses(line));
    }
    return false;
  });
}
