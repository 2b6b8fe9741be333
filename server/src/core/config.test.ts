import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: port 4000, embedded database in ./.annex/data, public URL from the port', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ANNEX_DATA_DIR).toBe(path.resolve('.annex/data'));
    expect(config.PUBLIC_URL).toBe('http://localhost:4000');
    expect(config.ALLOWED_ORIGINS).toEqual(['http://localhost:4000']);
  });

  it('reads overrides', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/annex', PUBLIC_URL: 'https://annex.example.com/', ALLOWED_ORIGINS: 'https://admin.example.com', ANNEX_SEED: 'false' });
    expect(config).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://u@db:5432/annex', PUBLIC_URL: 'https://annex.example.com', ANNEX_SEED: false });
    expect(config.ALLOWED_ORIGINS).toEqual(['https://annex.example.com', 'https://admin.example.com']);
  });

  it('keeps files on disk unless S3_BUCKET is set, then reads the S3 settings', () => {
    expect(loadConfig({}).S3_BUCKET).toBeUndefined();
    const config = loadConfig({ S3_BUCKET: 'annex-files', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: 'true' });
    expect(config).toMatchObject({ S3_BUCKET: 'annex-files', S3_ENDPOINT: 'http://minio:9000', S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: true });
  });

  it.each([
    [{ PORT: '70000' }, 'Invalid configuration: PORT must be a whole number between 0 and 65535 (got "70000")'],
    [{ NODE_ENV: 'staging' }, 'Invalid configuration: NODE_ENV must be development, production or test (got "staging")'],
    [{ PUBLIC_URL: 'annex.example.com' }, 'Invalid configuration: PUBLIC_URL must be a URL starting with http:// or https:// (got "annex.example.com")'],
    [{ ALLOWED_ORIGINS: 'https://ok.example.com,notanorigin' }, 'Invalid configuration: ALLOWED_ORIGINS must be a comma-separated list of origins like https://annex.example.com (got "notanorigin")'],
    [{ S3_BUCKET: 'Annex_Files' }, 'Invalid configuration: S3_BUCKET must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens (got "Annex_Files")'],
    [{ S3_BUCKET: 'annex-files', S3_ENDPOINT: 'minio:9000' }, 'Invalid configuration: S3_ENDPOINT must be a URL starting with http:// or https:// (got "minio:9000")'],
    [{ S3_BUCKET: 'annex-files', S3_FORCE_PATH_STYLE: 'maybe' }, 'Invalid configuration: S3_FORCE_PATH_STYLE must be true or false (got "maybe")'],
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'Invalid configuration: S3_BUCKET is required when S3_ENDPOINT is set (files would otherwise stay on disk)'],
    [{ S3_BUCKET: 'annex-files', S3_ACCESS_KEY_ID: 'key' }, 'Invalid configuration: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all'],
  ])('refuses %o with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});
