// Types of scripts/assemble.mjs, for the tests that use it.
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
export const PROJECT_ROOT: string;
export function parseDockerfile(file?: string): DockerStage[];
export function stageNamed(stages: DockerStage[], name: string): DockerStage;
export function instructions(stage: DockerStage, keyword: string): string[];
export function copies(stage: DockerStage): DockerCopy[];
export function assemble(target: string, options?: { npmArguments?: string[] }): void;
