import { Injectable } from '@nestjs/common';
import { argon2id, hash, verify } from 'argon2';

/**
 * Argon2id for every secret a person or integrator presents (PRODUCT.md,
 * Security): passwords and service-account secrets. The library's defaults
 * (64 MiB, 3 passes) are above OWASP's minimum for Argon2id.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(secret: string): Promise<string> {
    return hash(secret, { type: argon2id });
  }

  async verify(storedHash: string, secret: string): Promise<boolean> {
    try {
      return await verify(storedHash, secret);
    } catch {
      // A hash this library cannot read is a refusal, not a server error.
      return false;
    }
  }

  /**
   * Spends the time of a real verification when there is no account, so the
   * answer time does not tell whether an e-mail address is registered.
   */
  async verifyNothing(secret: string): Promise<false> {
    this.dummyHash ??= this.hash('no account has this password');
    await this.verify(await this.dummyHash, secret);
    return false;
  }
}
