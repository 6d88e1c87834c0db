import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokenReferences, describeBroken, headingAnchor, readRepository } from './support/docReferences.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const repository = readRepository(ROOT);
const docs = [
  'README.md',
  ...(existsSync(join(ROOT, 'docs')) ? readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`) : []),
];
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the README and docs/ name only what exists', () => {
  test.each(docs)('every repository path, npm script and relative link in %s exists', (file) => {
    expect(brokenReferences(file, read(file), repository).map(describeBroken)).toEqual([]);
  });

  test('a made-up doc that names a missing path, script, command, file or section is caught, line by line', () => {
    const madeUp = [
      '# Made up',
      'The server lives in `src/noSuchFolder/server.ts`; texts in `locales/<lng>/noSuchFile.json`.',
      'Build with `npm run no-such-script`, then `npm serve`; see `Dockerfile`, `package.json` and `locales/*/`.',
      'Read [storage](noSuchDoc.md), [the README](../README.md#no-such-section) and [this](#made-up).',
      '```sh',
      '# not a heading',
      'npm ci && npm test',
      '```',
    ].join('\n');
    expect(brokenReferences('docs/madeUp.md', madeUp, repository).map(describeBroken)).toEqual([
      'docs/madeUp.md:2: path src/noSuchFolder/server.ts',
      'docs/madeUp.md:2: path locales/<lng>/noSuchFile.json',
      'docs/madeUp.md:3: npm script npm run no-such-script',
      'docs/madeUp.md:3: npm command npm serve',
      'docs/madeUp.md:4: link noSuchDoc.md',
      'docs/madeUp.md:4: link ../README.md#no-such-section',
    ]);
  });

  test('paths git keeps out of the repository (files the user makes) and build output are not reported', () => {
    const madeUp = 'Copy `.env.example` to `.env`; put the key in `env/.env.dev.user`; the build writes `dist/cancellation-assistant.mjs`.';
    expect(brokenReferences('docs/madeUp.md', madeUp, repository)).toEqual([]);
  });

  test('anchors are the ones GitHub gives headings', () => {
    expect(headingAnchor('Storage: lowdb (embedded, one instance)')).toBe('storage-lowdb-embedded-one-instance');
    expect(headingAnchor('The `/readyz` route')).toBe('the-readyz-route');
    expect(headingAnchor('Språk och fakta')).toBe('språk-och-fakta');
  });

  test.each(docs.filter((file) => file.startsWith('docs/')))('%s begins by naming the code it describes', (file) => {
    const opening = read(file).split(/\n\s*\n/).slice(0, 3).join('\n');
    expect(opening).toMatch(/`(src|dialogs|test|scripts|locales|infra|env)\/[^`]*`|`Dockerfile`|`m365agents\.yml`/);
  });
});
