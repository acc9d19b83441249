import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt from Node's own crypto: a standard memory-hard KDF with no native
 * addon to build (argon2/bcrypt packages need install scripts, which pnpm blocks here).
 *
 * Stored as a PHC-style string that carries its own parameters and salt,
 * `$scrypt$ln=15,r=8,p=3$<salt>$<hash>` (unpadded base64), so the cost can be raised later without
 * breaking existing hashes. ln=15, r=8, p=3 is one of OWASP's equivalent scrypt settings (32 MiB,
 * about 0.2 s on a 2-core machine).
 */
export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { ln: 15, r: 8, p: 3 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for parameters read back from a stored hash: a corrupted row must not make us allocate gigabytes.
const MAX_LN = 20;
const MAX_R = 16;
const MAX_P = 16;
const PHC = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, params);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${unpadded(salt)}$${unpadded(key)}`;
}

/** True when `password` matches `stored`; false for a wrong password or a hash we cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const params = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (params.ln < 1 || params.ln > MAX_LN || params.r < 1 || params.r > MAX_R || params.p < 1 || params.p > MAX_P) return false;
  const salt = Buffer.from(match[4]!, 'base64');
  const expected = Buffer.from(match[5]!, 'base64');
  // A truncated hash would compare a handful of bytes (or none): treat it as unreadable.
  if (expected.length < 16 || salt.length < 8) return false;
  const actual = await derive(password, salt, expected.length, params);
  // Constant time: how many leading bytes match must not show in the response time.
  return timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for unknown usernames: otherwise a fast "wrong"
 * answer would tell an attacker which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy password, never matches anything useful');
  await verifyPassword(password, await dummyHash);
}

function derive(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.ln;
  // Vietnamese diacritics arrive composed or decomposed depending on the keyboard and OS (macOS
  // sends NFD): normalise so that "mật khẩu" typed anywhere is the same password.
  const normalized = password.normalize('NFC');
  return new Promise((resolve, reject) => {
    // Node refuses scrypt above 32 MiB unless maxmem says otherwise; 128·N·r is what it needs.
    scrypt(normalized, salt, length, { N, r: params.r, p: params.p, maxmem: 256 * N * params.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function unpadded(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
