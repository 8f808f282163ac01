import { PrivateKeyCipher } from './private-key-cipher';

describe('PrivateKeyCipher', () => {
  const secret = 'a-test-secret-of-at-least-thirty-two-chars';
  const jwk = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', d: 'private-part', x: 'public-part' });

  it('decrypts what it encrypted, and never stores the plaintext', () => {
    const cipher = new PrivateKeyCipher(secret);
    const stored = cipher.encrypt(jwk, 'kid-1');
    expect(stored).not.toContain('private-part');
    expect(stored).toMatch(/^v1\./);
    expect(new PrivateKeyCipher(secret).decrypt(stored, 'kid-1')).toBe(jwk);
  });

  it('uses a fresh nonce each time', () => {
    const cipher = new PrivateKeyCipher(secret);
    expect(cipher.encrypt(jwk, 'kid-1')).not.toBe(cipher.encrypt(jwk, 'kid-1'));
  });

  it('refuses another secret, another key id and an altered value', () => {
    const stored = new PrivateKeyCipher(secret).encrypt(jwk, 'kid-1');
    expect(() => new PrivateKeyCipher(`${secret}-other`).decrypt(stored, 'kid-1')).toThrow();
    expect(() => new PrivateKeyCipher(secret).decrypt(stored, 'kid-2')).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => new PrivateKeyCipher(secret).decrypt(parts.join('.'), 'kid-1')).toThrow();
    expect(() => new PrivateKeyCipher(secret).decrypt('v0.a.b.c', 'kid-1')).toThrow('unknown encryption format');
  });

  it('derives another key for another purpose', () => {
    const stored = new PrivateKeyCipher(secret, 'account-mail-encryption/v1').encrypt(jwk, 'kid-1');
    expect(new PrivateKeyCipher(secret, 'account-mail-encryption/v1').decrypt(stored, 'kid-1')).toBe(jwk);
    expect(() => new PrivateKeyCipher(secret).decrypt(stored, 'kid-1')).toThrow();
  });
});
