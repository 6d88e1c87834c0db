import { PROJECT_ROOT } from '../src/domain/paths.js';
import { layeringProblems, readImportGraph, relativeImports } from './support/importLayers.js';

/**
 * Issue 17: the layers point one way. Top to bottom: src/index.ts (the entry), src/service/ (server
 * and channels), src/bot/ (the bot and its interruptions), dialogs/, src/domain/. Nothing imports a
 * higher layer, and no modules import each other round in a cycle.
 */
describe('layers that point one way', () => {
  const graph = readImportGraph(PROJECT_ROOT, ['src', 'dialogs']);

  test('no module imports a higher layer, and there are no import cycles', () => {
    expect(layeringProblems(graph)).toEqual([]);
  });

  test('the graph holds every module and its static, type-only and dynamic imports', () => {
    expect(Object.keys(graph).length).toBeGreaterThan(100);
    expect(graph['src/index.ts']).toContain('src/service/server.ts');
    expect(graph['src/service/server.ts']).toContain('dialogs/mainMenuDialog.ts');
    // `import type { Stores } from '../src/domain/storage/index.js'`
    expect(graph['dialogs/dependencies.ts']).toContain('src/domain/storage/index.ts');
    // `import('./blobStores.js')`, loaded only when STORAGE=blob
    expect(graph['src/domain/storage/index.ts']).toContain('src/domain/storage/blobStores.ts');
  });

  test('every form of relative import is read; packages are not', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "import './e.js';",
      "const f = await import('./f.js');",
      'import {\n  g,\n  h,\n} from "./gh.js";',
      "import restify from 'restify';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(relativeImports(source)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js', './gh.js']);
  });

  test('a lower module importing a higher one fails, naming the module and the import', () => {
    const graph = {
      'src/service/server.ts': ['src/bot/bot.ts'],
      'src/bot/bot.ts': ['dialogs/mainMenuDialog.ts'],
      'dialogs/mainMenuDialog.ts': ['src/domain/turn.ts', 'src/bot/interruptions.ts'],
      'src/bot/interruptions.ts': [],
      'src/domain/turn.ts': ['src/service/server.ts'],
    };
    expect(layeringProblems(graph)).toEqual([
      'dialogs/mainMenuDialog.ts (dialogs) imports src/bot/interruptions.ts (bot), a higher layer',
      'src/domain/turn.ts (domain) imports src/service/server.ts (service), a higher layer',
      'import cycle: dialogs/mainMenuDialog.ts -> src/domain/turn.ts -> src/service/server.ts -> src/bot/bot.ts -> dialogs/mainMenuDialog.ts',
    ]);
  });

  test('an import cycle within one layer fails, naming the cycle', () => {
    const graph = {
      'src/service/server.ts': ['src/service/directline/routes.ts'],
      'src/service/directline/routes.ts': ['src/service/webchat/routes.ts'],
      'src/service/webchat/routes.ts': ['src/service/server.ts', 'src/domain/paths.ts'],
      'src/domain/paths.ts': [],
    };
    expect(layeringProblems(graph)).toEqual([
      'import cycle: src/service/directline/routes.ts -> src/service/webchat/routes.ts -> src/service/server.ts -> src/service/directline/routes.ts',
    ]);
  });

  test('a module outside every layer folder fails', () => {
    expect(layeringProblems({ 'src/helpers.ts': [] })).toEqual([
      'src/helpers.ts is in no layer folder (src/index.ts, src/service/, src/bot/, dialogs/, src/domain/)',
    ]);
  });
});
