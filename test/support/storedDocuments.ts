import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under the data folder, for checks that nothing stored is half-written or unreadable. */
export function storedFiles(dataDir: string): string[] {
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The files under the data folder that are not valid JSON (should always be none). */
export function unreadableDocuments(dataDir: string): string[] {
  return storedFiles(dataDir)
    .filter((file) => file.endsWith('.json'))
    .filter((file) => {
      try {
        JSON.parse(readFileSync(file, 'utf8'));
        return false;
      } catch {
        return true;
      }
    });
}
