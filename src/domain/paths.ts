import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, found from this file both in `src/domain/` and compiled in `dist/src/domain/`. */
function findProjectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    folder = parent;
  }
  return folder;
}

export const PROJECT_ROOT = findProjectRoot();
export const LOCALES_DIR = join(PROJECT_ROOT, 'locales');
/**
 * What `npm start` runs: the service bundled by `npm run build` (src/service/bundle.ts). It sits under the
 * project, so `findProjectRoot` works from it too.
 */
export const SERVICE_BUNDLE = join(PROJECT_ROOT, 'dist', 'cancellation-assistant.mjs');
