import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/**
 * What the docs may name: the repository's files and folders, what git keeps out of it (files the
 * user makes, such as `.env`), and the npm scripts of package.json.
 */
export interface Repository {
  /** Files and folders, relative to the root, with `/` between parts and no trailing `/`. */
  paths: ReadonlySet<string>;
  /** `.gitignore`'s patterns as regular expressions over a relative path. */
  ignored: readonly RegExp[];
  scripts: ReadonlySet<string>;
  /** The headings' anchors of every Markdown file, by relative path. */
  anchors(file: string): ReadonlySet<string> | undefined;
}

export interface BrokenReference {
  file: string;
  line: number;
  kind: 'path' | 'npm script' | 'npm command' | 'link';
  text: string;
}

// Where the repository's paths begin. A path that begins elsewhere (`dist/`, `state/` under
// DATA_DIR, a URL) is not a repository path and is not checked.
const ROOT_FOLDERS = ['src', 'dialogs', 'test', 'scripts', 'locales', 'infra', 'env', 'docs', 'appPackage', '\\.ci'];
const ROOT_FILES = [
  'Dockerfile',
  '\\.dockerignore',
  '\\.gitignore',
  '\\.env\\.example',
  'package(?:-lock)?\\.json',
  'm365agents\\.yml',
  'jest\\.config\\.js',
  'tsconfig(?:\\.\\w+)?\\.json',
  'README\\.md',
];
// Not after a letter, `.`, `/` or `-`: `../dialogs/x.js` in an import or `https://host/src/` are not ours.
const PATH_PATTERN = new RegExp(
  `(?<![\\w./@-])(?:(?:${ROOT_FOLDERS.join('|')})/[\\w.\\-/*<>]*|(?:${ROOT_FILES.join('|')})(?![\\w-]))`,
  'g',
);
// npm's own commands, which need no script; `start`, `test`, `stop` and `restart` run scripts.
const NPM_COMMANDS = new Set([
  'ci', 'install', 'i', 'uninstall', 'update', 'exec', 'init', 'pack', 'publish', 'ls', 'view', 'audit',
  'version', 'help', 'config', 'prune', 'rebuild', 'link', 'outdated', 'cache', 'doctor', 'query', 'explain',
]);
const NPM_SCRIPT_SHORTCUTS = new Set(['start', 'test', 'stop', 'restart']);
const LINK_PATTERN = /\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'data', 'test-output', 'coverage']);

function globToRegExp(glob: string): string {
  return glob
    .split(/(\*\*|\*|<[^>]*>)/)
    .map((part) => (part === '**' ? '.*' : part === '*' || part.startsWith('<') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as `-`. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text's headings (outside code blocks), numbered as GitHub numbers repeats. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const anchor = headingAnchor(heading[1]!);
    const count = seen.get(anchor) ?? 0;
    seen.set(anchor, count + 1);
    anchors.add(count === 0 ? anchor : `${anchor}-${count}`);
  }
  return anchors;
}

function gitignorePatterns(root: string): RegExp[] {
  const file = join(root, '.gitignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((pattern) => {
      const body = globToRegExp(pattern.replace(/^\/|\/$/g, ''));
      // Without a `/` inside, git matches the name at any depth; a match covers what is under it.
      const anchored = pattern.replace(/\/$/, '').includes('/') ? `^${body}` : `(?:^|/)${body}`;
      return new RegExp(`${anchored}(?:/.*)?$`);
    });
}

/** Reads what the docs may name from the repository at `root`. */
export function readRepository(root: string): Repository {
  const paths = new Set<string>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      paths.add(relative);
      if (entry.isDirectory()) walk(join(folder, entry.name), relative);
    }
  };
  walk(root, '');
  const { scripts = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const anchorsByFile = new Map<string, Set<string>>();
  return {
    paths,
    ignored: gitignorePatterns(root),
    scripts: new Set(Object.keys(scripts)),
    anchors(file) {
      if (!file.endsWith('.md') || !paths.has(file)) return undefined;
      let anchors = anchorsByFile.get(file);
      if (!anchors) anchorsByFile.set(file, (anchors = headingAnchors(readFileSync(join(root, file), 'utf8'))));
      return anchors;
    },
  };
}

function pathExists(repository: Repository, path: string): boolean {
  const trimmed = path.replace(/\/+$/, '');
  if (repository.ignored.some((pattern) => pattern.test(trimmed))) return true;
  if (!/[*<]/.test(trimmed)) return repository.paths.has(trimmed);
  const pattern = new RegExp(`^${globToRegExp(trimmed)}$`);
  for (const candidate of repository.paths) if (pattern.test(candidate)) return true;
  return false;
}

/** The code of a Markdown text: its code blocks and code spans, where commands are written. */
function codeRanges(markdown: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of markdown.matchAll(/^\s*(```|~~~)[^\n]*\n[\s\S]*?^\s*\1[^\n]*$/gm)) ranges.push([match.index, match.index + match[0].length]);
  for (const match of markdown.matchAll(/`[^`\n]+`/g)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/**
 * What a Markdown text names that is not there: repository paths (`src/…`, `dialogs/…`, `Dockerfile`;
 * `<name>` and `*` stand for any one part), npm scripts (`npm run X` anywhere, `npm X` in code), and
 * relative links, with their anchors. `file` is the text's path from the root.
 */
export function brokenReferences(file: string, markdown: string, repository: Repository): BrokenReference[] {
  const broken: BrokenReference[] = [];
  const lineOf = (index: number) => markdown.slice(0, index).split('\n').length;
  const report = (index: number, kind: BrokenReference['kind'], text: string) => broken.push({ file, line: lineOf(index), kind, text });

  for (const match of markdown.matchAll(PATH_PATTERN)) {
    // A sentence may end right after a path.
    const path = match[0].replace(/[.]+$/, '');
    if (!pathExists(repository, path)) report(match.index, 'path', path);
  }

  const code = codeRanges(markdown);
  const inCode = (index: number) => code.some(([start, end]) => index >= start && index < end);
  for (const match of markdown.matchAll(/\bnpm\s+(?:(run(?:-script)?)\s+)?([a-z][\w:.-]*)/g)) {
    const [, run, name] = match as unknown as [string, string | undefined, string];
    if (run) {
      if (!repository.scripts.has(name)) report(match.index, 'npm script', `npm run ${name}`);
    } else if (inCode(match.index) && !NPM_COMMANDS.has(name)) {
      if (!NPM_SCRIPT_SHORTCUTS.has(name)) report(match.index, 'npm command', `npm ${name}`);
      else if (!repository.scripts.has(name)) report(match.index, 'npm script', `npm ${name}`);
    }
  }

  for (const match of markdown.matchAll(LINK_PATTERN)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [pathPart = '', anchor] = target.split('#');
    const linked = pathPart === '' ? file : normalize(join(dirname(file), decodeURIComponent(pathPart))).replace(/\\/g, '/').replace(/\/$/, '');
    if (linked !== file && (linked.startsWith('..') || !repository.paths.has(linked))) {
      report(match.index, 'link', target);
      continue;
    }
    if (anchor === undefined) continue;
    const anchors = linked === file ? headingAnchors(markdown) : repository.anchors(linked);
    if (anchors && !anchors.has(anchor)) report(match.index, 'link', target);
  }
  return broken;
}

export const describeBroken = ({ file, line, kind, text }: BrokenReference): string => `${file}:${line}: ${kind} ${text}`;
