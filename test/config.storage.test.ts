import { loadConfig } from '../src/domain/config.js';
import { configErrorLines } from './support/config.js';


describe('storage configuration', () => {
  test('defaults to lowdb under DATA_DIR, with a container name ready for blob storage', () => {
    expect(loadConfig({})).toMatchObject({ storage: 'lowdb', blobConnectionString: undefined, blobContainer: 'cancellation-assistant' });
  });

  test('reads STORAGE, BLOB_CONNECTION_STRING and BLOB_CONTAINER', () => {
    expect(loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', BLOB_CONTAINER: 'bot-state-2' })).toMatchObject({
      storage: 'blob',
      blobConnectionString: 'UseDevelopmentStorage=true',
      blobContainer: 'bot-state-2',
    });
    expect(loadConfig({ STORAGE: 'memory' }).storage).toBe('memory');
  });

  test('STORAGE=blob without a connection string stops start-up with one clear line', () => {
    const required = 'is required when STORAGE=blob (or BLOB_ACCOUNT_URL, to sign in with a managed identity instead)';
    expect(configErrorLines({ STORAGE: 'blob' })).toEqual([`BLOB_CONNECTION_STRING="": ${required}`]);
    expect(configErrorLines({ STORAGE: 'blob', BLOB_CONNECTION_STRING: '  ' })).toEqual([`BLOB_CONNECTION_STRING="  ": ${required}`]);
  });

  test('an unknown STORAGE or a container name Azure refuses is named', () => {
    expect(configErrorLines({ STORAGE: 'postgres' })).toEqual(['STORAGE="postgres": must be lowdb, memory or blob']);
    expect(configErrorLines({ BLOB_CONTAINER: 'Bot_State' })[0]).toMatch(/^BLOB_CONTAINER="Bot_State": must be 3-63 lowercase letters/);
    expect(configErrorLines({ BLOB_CONTAINER: 'ab' })[0]).toMatch(/^BLOB_CONTAINER="ab"/);
  });
});
