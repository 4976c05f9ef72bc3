import { hash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { formatPath } from '@paketbygd/model';
import { z } from 'zod';

/** One API key as configured: the plain key, or only its SHA-256 (hex) so the file holds no secret. */
export const KeyEntry = z.union([
  z
    .object({ tenant: z.string().min(1), key: z.string().min(16, 'an API key has at least 16 characters') })
    .strict(),
  z
    .object({
      tenant: z.string().min(1),
      keySha256: z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, 'keySha256 is the hex SHA-256 of the key (64 hex digits)'),
    })
    .strict(),
]);
export type KeyEntry = z.infer<typeof KeyEntry>;

export interface Caller {
  tenant: string;
  /** A short, non-secret handle of the key (first hex digits of its hash), for rate limits and logs. */
  keyId: string;
}

/** One-shot (crypto.hash): no Hash object per lookup, which every status read makes. */
function sha256(text: string): Buffer {
  return hash('sha256', text, 'buffer');
}

/**
 * API keys held as SHA-256 hashes only. A lookup hashes the presented key and compares it with
 * every stored hash in constant time, without stopping at a match, so timing tells nothing about
 * which key or how much of one matched.
 */
export class KeyStore {
  private readonly entries: { hash: Buffer; caller: Caller }[];

  constructor(keys: readonly KeyEntry[]) {
    this.entries = keys.map((k) => {
      const hash = 'key' in k ? sha256(k.key) : Buffer.from(k.keySha256, 'hex');
      return { hash, caller: { tenant: k.tenant, keyId: hash.subarray(0, 6).toString('hex') } };
    });
  }

  get size(): number {
    return this.entries.length;
  }

  lookup(presented: string): Caller | undefined {
    const hash = sha256(presented);
    let found: Caller | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.hash, hash)) found ??= entry.caller;
    }
    return found;
  }
}

/** `API_KEYS="tenant:key,tenant2:key2"` → entries. */
export function parseKeyList(text: string): KeyEntry[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part, i) => {
      const colon = part.indexOf(':');
      if (colon <= 0) throw new Error(`API_KEYS entry ${i + 1} is not "tenant:key"`);
      const parsed = KeyEntry.safeParse({ tenant: part.slice(0, colon), key: part.slice(colon + 1) });
      if (!parsed.success) throw new Error(`API_KEYS entry ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** Reads an API_KEYS_FILE: a JSON array of `{ tenant, key }` or `{ tenant, keySha256 }`. */
export function readKeyFile(path: string): KeyEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`API_KEYS_FILE ${path} cannot be read as JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = z.array(KeyEntry).safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');
    throw new Error(`API_KEYS_FILE ${path} is not a list of { tenant, key | keySha256 }: ${where}`);
  }
  return parsed.data;
}

export function loadKeys(options: { file?: string | undefined; list?: string | undefined }): KeyStore {
  const entries = [
    ...(options.file ? readKeyFile(options.file) : []),
    ...(options.list ? parseKeyList(options.list) : []),
  ];
  return new KeyStore(entries);
}
