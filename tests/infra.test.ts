/**
 * No Docker engine runs where the tests run, so the deployment files are checked for what can
 * go wrong without one: they parse, they agree with each other, and with the code they start.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const infra = join(root, 'infra');
const read = (file: string) => readFileSync(join(infra, file), 'utf8');

interface ComposeService {
  command?: string[];
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
const envExample = new Set(
  read('.env.example')
    .split('\n')
    .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined),
);

/** The TypeScript sources under `dir`, outside tests; node_modules is never entered (it links whole packages). */
function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'test' ? [] : sourceFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('infra', () => {
  it('compose has Redis, OSRM with its preparation, the API and the workers', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'osrm',
      'osrm-prepare',
      'proxy',
      'redis',
      'worker',
    ]);
  });

  it('API replicas are reached only through the proxy, which the API trusts as one hop', () => {
    const api = compose.services.api as ComposeService & { ports?: string[]; expose?: string[] };
    const proxy = compose.services.proxy as ComposeService & { ports?: string[]; volumes?: string[] };
    expect(api.ports, 'API replicas must not publish a port (they would clash)').toBeUndefined();
    expect(api.expose).toEqual(['8080']);
    expect(api.environment?.PORT).toBe('8080');
    expect(api.environment?.TRUST_PROXY).toBe('1');
    expect(proxy.ports).toEqual(['${API_PORT:-8080}:8080']);
    expect(proxy.volumes).toContain('./nginx.conf:/etc/nginx/nginx.conf:ro');
    const nginx = read('nginx.conf');
    expect(nginx).toMatch(/listen 8080;/);
    expect(nginx).toMatch(/server api:8080;/);
    // One hop only: the client's own X-Forwarded-For must not reach the API.
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    // Bodies up to the API's default MAX_BODY_BYTES (32 MiB), ?wait (at most 30 s) and drop-in answers must get through.
    const bodyMb = Number(/client_max_body_size (\d+)m;/.exec(nginx)?.[1]);
    expect(bodyMb * 1024 * 1024).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    const readS = Number(/proxy_read_timeout (\d+)s;/.exec(nginx)?.[1]);
    expect(readS).toBeGreaterThan(30);
    // The VROOM drop-in waits up to VROOM_COMPAT_MAX_WAIT_S (default 300 s); cut sooner, its job is cancelled.
    expect(readS).toBeGreaterThan(300);
  });

  it('every variable the compose file uses is documented in .env.example or has a default', () => {
    const text = read('docker-compose.yml');
    const used = [...text.matchAll(/\$\{([A-Z0-9_]+)(:-[^}]*)?\}/g)];
    for (const [, name, fallback] of used) {
      expect(envExample.has(name!) || fallback !== undefined, `${name} is not in .env.example`).toBe(true);
    }
  });

  it('every environment variable the API and the workers read is in .env.example', () => {
    // Read by libraries or set by the platform, not by the operator:
    const platform = new Set(['NODE_ENV', 'CI', 'INIT_CWD', 'PORT', 'LOG_LEVEL', 'FORCE_COLOR']);
    const files = [...sourceFiles(join(root, 'services')), ...sourceFiles(join(root, 'workers'))];
    const read = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:process\.)?env(?:\.|\[')([A-Z][A-Z0-9_]+)/g)) read.add(m[1]!);
      // Environments parsed with a zod schema name their variables as upper-case keys.
      if (text.includes('process.env')) {
        for (const m of text.matchAll(/^\s+([A-Z][A-Z0-9_]{2,}):\s/gm)) read.add(m[1]!);
      }
    }
    const missing = [...read].filter((name) => !envExample.has(name) && !platform.has(name));
    expect(missing, `add these to infra/.env.example: ${missing.join(', ')}`).toEqual([]);
  });

  it('the API and worker commands start files that exist, from an image built by infra/Dockerfile', () => {
    for (const name of ['api', 'worker']) {
      const service = compose.services[name]!;
      expect(service.build).toEqual({ context: '..', dockerfile: 'infra/Dockerfile' });
      const entry = service.command!.find((part) => part.endsWith('.ts'))!;
      expect(existsSync(join(root, entry)), `${name} starts ${entry}`).toBe(true);
      expect(service.environment?.REDIS_URL).toBe('redis://redis:6379');
    }
  });

  it('the image installs the pnpm version the workspace pins', () => {
    const pinned = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string }
    ).packageManager;
    expect(read('Dockerfile')).toContain(`PNPM_VERSION=${pinned.split('@')[1]}`);
    expect(read('Dockerfile')).toContain('pnpm install --frozen-lockfile');
  });

  it('Redis keeps jobs across restarts and never evicts them', () => {
    const conf = read('redis.conf');
    expect(conf).toMatch(/^appendonly yes$/m);
    expect(conf).toMatch(/^maxmemory-policy noeviction$/m);
  });

  it('OSRM is prepared with the car profile and contracted before it starts', () => {
    const script = read('osrm-prepare.sh');
    expect(script).toMatch(/osrm-extract -p \/opt\/car\.lua/);
    expect(script).toMatch(/osrm-contract region\.osrm/);
    expect(compose.services.osrm!.command).toEqual(
      expect.arrayContaining(['osrm-routed', '--algorithm', 'ch']),
    );
  });
});
