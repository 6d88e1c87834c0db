import { ConfigError, loadConfig } from '../src/config.js';

describe('report configuration', () => {
  test('by default the report is off and nobody is an operator', () => {
    const config = loadConfig({});
    expect(config.adminApiKey).toBeUndefined();
    expect(config.operatorUserIds).toEqual([]);
  });

  test('reads ADMIN_API_KEY and the comma-separated OPERATOR_USER_IDS', () => {
    const config = loadConfig({ ADMIN_API_KEY: ' a-long-enough-admin-key ', OPERATOR_USER_IDS: '29:abc, aad-1 ,,' });
    expect(config.adminApiKey).toBe('a-long-enough-admin-key');
    expect(config.operatorUserIds).toEqual(['29:abc', 'aad-1']);
    expect(loadConfig({ ADMIN_API_KEY: '' }).adminApiKey).toBeUndefined();
  });

  test('a short admin key stops start-up without printing the key', () => {
    let lines: string[] = [];
    try {
      loadConfig({ ADMIN_API_KEY: 'short-secret' });
    } catch (error) {
      if (error instanceof ConfigError) lines = error.lines;
    }
    expect(lines).toEqual(['ADMIN_API_KEY=(hidden): must be at least 16 characters']);
  });
});
