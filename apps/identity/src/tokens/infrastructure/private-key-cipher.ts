import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';

const VERSION = 'v1';

/**
 * Private signing keys are stored encrypted (AES-256-GCM), so a database
 * dump alone cannot mint tokens. The key comes from TOKEN_SIGNING_SECRET by
 * HKDF; the key id is bound as additional data, so a ciphertext copied onto
 * another row does not decrypt. Another `purpose` derives another key from
 * the same secret (queued account mails, whose bodies hold one-time links).
 */
export class PrivateKeyCipher {
  private readonly key: Buffer;

  constructor(secret: string, purpose = 'signing-key-encryption/v1') {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'passerelle-identity', purpose, 32));
  }

  encrypt(plaintext: string, kid: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(kid));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** Throws when the secret is not the one that encrypted it, or the stored value was altered. */
  decrypt(stored: string, kid: string): string {
    const [version, iv, tag, ciphertext] = stored.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error(`${kid}: unknown encryption format`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
      .setAAD(Buffer.from(kid))
      .setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
