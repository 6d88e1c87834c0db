import { ConfigError, loadConfig } from '../../src/domain/config.js';

/** The lines a bad environment produces (fails the test when the environment is accepted). */
export function configErrorLines(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
