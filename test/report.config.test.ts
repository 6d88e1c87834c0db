import { loadConfig } from '../src/domain/config.js';

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
});
