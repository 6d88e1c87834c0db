// The Dockerfile as scripts/assemble.mjs reads it (one parser for the deploy artifact and the tests).
export { copies, instructions, parseDockerfile, stageNamed, type DockerCopy, type DockerStage } from '../../scripts/assemble.mjs';

/** An exec-form instruction (`CMD ["node", "x"]`) as its words. */
export function execForm(text: string): string[] {
  return JSON.parse(text) as string[];
}
