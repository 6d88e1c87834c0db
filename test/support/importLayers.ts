import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';

/** The layers, top to bottom: a module may import its own layer or a lower one, never a higher one. */
export const LAYERS = ['entry', 'service', 'bot', 'dialogs', 'domain'] as const;
export type Layer = (typeof LAYERS)[number];

/** A module's layer, from its folder (paths relative to the project, with `/`). */
export function layerOf(file: string): Layer | undefined {
  if (file === 'src/index.ts') return 'entry';
  if (file.startsWith('src/service/')) return 'service';
  if (file.startsWith('src/bot/')) return 'bot';
  if (file.startsWith('dialogs/')) return 'dialogs';
  if (file.startsWith('src/domain/')) return 'domain';
  return undefined;
}

// `import x from './a.js'`, `import type { X } from './a.js'`, `export { x } from './a.js'`,
// `import './a.js'` and `import('./a.js')`: every way one module can reach another.
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

/** The relative module specifiers a source text imports or re-exports, statically or dynamically. */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(RELATIVE_IMPORT)].map((match) => match[2]!);
}

/** Which modules each module imports: module path -> imported module paths, both relative to the project. */
export type ImportGraph = Record<string, string[]>;

/** The import graph of every .ts file under `folders` (relative imports between them only). */
export function readImportGraph(root: string, folders: string[]): ImportGraph {
  const files = folders.flatMap((folder) =>
    readdirSync(posix.join(root, folder), { recursive: true, encoding: 'utf8' })
      .map((entry) => posix.join(folder, entry.split('\\').join('/')))
      .filter((file) => file.endsWith('.ts') && statSync(posix.join(root, file)).isFile()),
  );
  const known = new Set(files);
  const resolve = (from: string, specifier: string): string | undefined => {
    const target = posix.normalize(posix.join(posix.dirname(from), specifier));
    return [target.replace(/\.js$/, '.ts'), `${target}.ts`, `${target}/index.ts`].find((candidate) => known.has(candidate));
  };
  return Object.fromEntries(
    files.map((file) => {
      const targets = relativeImports(readFileSync(posix.join(root, file), 'utf8')).map((specifier) => resolve(file, specifier));
      return [file, [...new Set(targets.filter((target): target is string => target !== undefined))]];
    }),
  );
}

/**
 * Import cycles, each as the path that goes round it (its first module repeated at the end): one
 * per import that leads back into the depth-first walk's current path, so every cycle shows up.
 */
function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (module: string): void => {
    state.set(module, 'open');
    path.push(module);
    for (const next of graph[module] ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(module, 'done');
  };
  for (const module of Object.keys(graph).sort()) if (!state.has(module)) visit(module);
  return cycles;
}

/**
 * What breaks the layering, one line each: a module outside every layer folder, a module that
 * imports a higher layer, an import cycle. Empty when the layers point one way.
 */
export function layeringProblems(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [module, imports] of Object.entries(graph)) {
    const layer = layerOf(module);
    if (!layer) {
      problems.push(`${module} is in no layer folder (src/index.ts, src/service/, src/bot/, dialogs/, src/domain/)`);
      continue;
    }
    for (const imported of imports) {
      const importedLayer = layerOf(imported);
      if (importedLayer && LAYERS.indexOf(importedLayer) < LAYERS.indexOf(layer)) {
        problems.push(`${module} (${layer}) imports ${imported} (${importedLayer}), a higher layer`);
      }
    }
  }
  for (const cycle of findCycles(graph)) problems.push(`import cycle: ${cycle.join(' -> ')}`);
  return problems;
}
