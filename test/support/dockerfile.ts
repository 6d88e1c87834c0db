import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';

export interface DockerInstruction {
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  text: string;
}

export interface DockerStage {
  name: string;
  image: string;
  instructions: DockerInstruction[];
}

export interface DockerCopy {
  /** The stage it copies from, or undefined for the build context (the repository). */
  from: string | undefined;
  sources: string[];
  destination: string;
}

/** The Dockerfile's stages and their instructions (comments dropped, `\` continuations joined, ARGs before the first FROM applied). */
export function parseDockerfile(file = join(PROJECT_ROOT, 'Dockerfile')): DockerStage[] {
  const lines = readFileSync(file, 'utf8').replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const globalArgs = new Map<string, string>();
  const stages: DockerStage[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const [, keyword = '', text = ''] = /^(\S+)\s*(.*)$/.exec(trimmed) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'ARG' && stages.length === 0) {
      const [name = '', value = ''] = text.split('=');
      globalArgs.set(name, value);
      continue;
    }
    if (upper === 'FROM') {
      const expanded = text.replace(/\$\{?(\w+)\}?/g, (_match, name: string) => globalArgs.get(name) ?? '');
      const [image = '', as, name] = expanded.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length), instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push({ keyword: upper, text: text.replace(/\s+/g, ' ').trim() });
  }
  return stages;
}

export function stageNamed(stages: DockerStage[], name: string): DockerStage {
  const stage = stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage ${name} in the Dockerfile`);
  return stage;
}

export function instructions(stage: DockerStage, keyword: string): string[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.text);
}

export function copies(stage: DockerStage): DockerCopy[] {
  return instructions(stage, 'COPY').map((text) => {
    const words = text.split(' ');
    const flags = words.filter((word) => word.startsWith('--'));
    const paths = words.filter((word) => !word.startsWith('--'));
    const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
    return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
  });
}

/** An exec-form instruction (`CMD ["node", "x"]`) as its words. */
export function execForm(text: string): string[] {
  return JSON.parse(text) as string[];
}
