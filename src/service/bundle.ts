/**
 * `npm run build` bundles the compiled service into one file, which `npm start` runs: Node then
 * reads one file instead of the many modules of botbuilder, restify and the Azure SDK, which
 * took most of a start-up. esbuild only concatenates, strips whitespace and simplifies syntax;
 * names are kept, so stack traces stay readable.
 */
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT, SERVICE_BUNDLE } from '../domain/paths.js';

/**
 * botbuilder-dialogs loads every prompt and recognizer it has when it is loaded, and two of them cost
 * a third of a second of every start-up for nothing we use:
 * - `@microsoft/recognizers-text-suite` (every Recognizers-Text model in one file), which the Choice and
 *   Confirm prompts load only for its `Culture` names: those come from `@microsoft/recognizers-text`,
 *   the package that defines them;
 * - `@microsoft/recognizers-text-date-time`, which only DateTimePrompt uses, and we have none: our
 *   dates are parsed by `src/domain/dates.ts`. A DateTimePrompt would fail with the message below.
 */
const UNUSED_RECOGNIZERS: Record<string, string> = {
  '@microsoft/recognizers-text-suite': "module.exports = { Culture: require('@microsoft/recognizers-text').Culture };",
  '@microsoft/recognizers-text-date-time':
    "module.exports = { recognizeDateTime() { throw new Error('DateTimePrompt needs @microsoft/recognizers-text-date-time, which src/service/bundle.ts leaves out of the service bundle.'); } };",
};

const leaveOutUnusedRecognizers: Plugin = {
  name: 'leave-out-unused-recognizers',
  setup(bundler) {
    bundler.onResolve({ filter: /^@microsoft\/recognizers-text-(suite|date-time)$/ }, (args) => ({ path: args.path, namespace: 'unused-recognizers' }));
    bundler.onLoad({ filter: /.*/, namespace: 'unused-recognizers' }, (args) => ({
      contents: UNUSED_RECOGNIZERS[args.path],
      loader: 'js',
      // Where botbuilder-dialogs itself would find @microsoft/recognizers-text.
      resolveDir: join(PROJECT_ROOT, 'node_modules', 'botbuilder-dialogs'),
    }));
  },
};

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
    plugins: [leaveOutUnusedRecognizers],
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const startedAt = performance.now();
  await bundleService();
  process.stdout.write(`Bundled the service in ${Math.round(performance.now() - startedAt)} ms.\n`);
}
