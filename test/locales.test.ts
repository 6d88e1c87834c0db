import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES_DIR } from '../src/domain/paths.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function flatten(value: Json, prefix: string, out: Map<string, Json>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
}

function load(language: string): Map<string, Json> {
  const out = new Map<string, Json>();
  const folder = join(LOCALES_DIR, language);
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
    flatten(JSON.parse(readFileSync(join(folder, file), 'utf8')) as Json, file.replace(/\.json$/, ':'), out);
  }
  return out;
}

function isEmpty(value: Json): boolean {
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0 || value.some(isEmpty);
  return value === null;
}

describe('locale resources', () => {
  const english = load('en');
  const swedish = load('sv');

  test('English and Swedish have the same files and keys', () => {
    expect([...swedish.keys()].sort()).toEqual([...english.keys()].sort());
    expect(english.size).toBeGreaterThan(20);
  });

  test.each([
    ['en', english],
    ['sv', swedish],
  ])('no %s text is empty', (_language, texts) => {
    const empty = [...texts].filter(([, value]) => isEmpty(value)).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  test('Swedish texts are not copies of the English ones', () => {
    const copied = [...english]
      .filter(([key, value]) => typeof value === 'string' && value.length > 20 && swedish.get(key) === value)
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });
});
