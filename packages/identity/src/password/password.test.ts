import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

// Cheap parameters: these tests check the format and the comparison, not the cost.
const FAST = { ln: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('mật khẩu đúng', FAST);
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await verifyPassword('mật khẩu đúng', stored)).toBe(true);
    expect(await verifyPassword('mật khẩu sai', stored)).toBe(false);
  });

  it('salts every hash: the same password never hashes the same twice', async () => {
    expect(await hashPassword('demo123', FAST)).not.toBe(await hashPassword('demo123', FAST));
  });

  it('accepts the password typed with decomposed diacritics (as macOS sends them)', async () => {
    const stored = await hashPassword('Mật khẩu', FAST);
    expect(await verifyPassword('Mật khẩu'.normalize('NFD'), stored)).toBe(true);
  });

  it('uses the parameters stored in the hash, not the current defaults', async () => {
    const stored = await hashPassword('demo123', { ln: 11, r: 4, p: 2 });
    expect(stored).toContain('$ln=11,r=4,p=2$');
    expect(await verifyPassword('demo123', stored)).toBe(true);
  });

  it('refuses a hash it cannot read, a truncated one or absurd parameters', async () => {
    const stored = await hashPassword('demo123', FAST);
    const [, , params, salt, hash] = stored.split('$');
    expect(await verifyPassword('demo123', 'demo123')).toBe(false);
    expect(await verifyPassword('demo123', `$scrypt$${params}$${salt}$${hash!.slice(0, 4)}`)).toBe(false);
    expect(await verifyPassword('demo123', `$scrypt$ln=40,r=8,p=1$${salt}$${hash}`)).toBe(false);
  });
});
