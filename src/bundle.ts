/**
 * `npm run build` bundles the compiled service into one file, which `npm start` runs: Node then
 * reads one file instead of the many modules of botbuilder, restify and the Azure SDK, which
 * took most of a start-up. esbuild only concatenates, strips whitespace and simplifies syntax;
 * names are kept, so stack traces stay readable.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT, SERVICE_BUNDLE } from './paths.js';

export async function bundleService(entry = join(PROJECT_ROOT, 'dist', 'src', 'index.js'), outfile = SERVICE_BUNDLE): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    // restify's optional DTrace probes: a native module, loaded (or skipped) at run time.
    external: ['dtrace-provider'],
    // The CommonJS packages inside call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as createBundleRequire } from 'node:module'; const require = createBundleRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const startedAt = performance.now();
  await bundleService();
  process.stdout.write(`Bundled the service in ${Math.round(performance.now() - startedAt)} ms.\n`);
}
