import { AppConfig, ConfigError, loadConfig, startupStepEnabled, validateConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dbType: 'sqlite',
      databasePath: './data/clippings.sqlite',
    });
    expect(config).toBeInstanceOf(AppConfig);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_PATH: '/tmp/x.sqlite',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databasePath: '/tmp/x.sqlite',
      nodeEnv: 'production',
    });
  });

  it('reads SQLITE_READERS (default 2, 0 allowed) and rejects anything but 0–16', () => {
    expect(loadConfig({}).sqliteReaders).toBe(2);
    expect(loadConfig({ SQLITE_READERS: '0' }).sqliteReaders).toBe(0);
    expect(loadConfig({ SQLITE_READERS: '4' }).sqliteReaders).toBe(4);
    for (const bad of ['17', '-1', 'two', '1.5'])
      expect(() => loadConfig({ SQLITE_READERS: bad })).toThrow(
        /SQLITE_READERS must be an integer between 0 and 16/,
      );
  });

  it.each(['abc', '3e3', '-1', '70000', '80.5'])('rejects PORT=%s with a one-line message', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: port })).toThrow(/^Invalid configuration: PORT must be an integer/);
  });

  it('rejects an unknown DB_TYPE', () => {
    expect(() => loadConfig({ DB_TYPE: 'mysql' })).toThrow('DB_TYPE must be one of: sqlite, postgres');
  });

  it('requires DATABASE_URL for postgres only', () => {
    expect(() => loadConfig({ DB_TYPE: 'postgres' })).toThrow(
      'DATABASE_URL is required when DB_TYPE=postgres',
    );
    expect(loadConfig({ DB_TYPE: 'postgres', DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe(
      'postgres://u@h/db',
    );
  });

  it('rejects an unknown NODE_ENV', () => {
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow('NODE_ENV must be one of');
  });

  it('lists every problem in one line', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'x', DB_TYPE: 'oracle' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('DB_TYPE');
    expect(message).not.toContain('\n');
  });

  it('validates a config object built in code', () => {
    expect(validateConfig(Object.assign(new AppConfig(), { port: 0 })).port).toBe(0);
    expect(() => validateConfig(Object.assign(new AppConfig(), { port: -5 }))).toThrow(ConfigError);
  });
});

describe('start-up data switches', () => {
  it('reads SEED_REGIONS and DEMO_DATA as booleans; on by default, off under NODE_ENV=test', () => {
    expect(loadConfig({ DEMO_DATA: 'false', SEED_REGIONS: '1' })).toMatchObject({
      demoData: false,
      seedRegions: true,
    });
    expect(startupStepEnabled(loadConfig({}), 'demoData')).toBe(true);
    expect(startupStepEnabled(loadConfig({ NODE_ENV: 'test' }), 'seedRegions')).toBe(false);
    expect(startupStepEnabled(loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true' }), 'demoData')).toBe(true);
  });

  it('rejects anything else, naming the variable', () => {
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow('DEMO_DATA must be true or false');
  });
});
