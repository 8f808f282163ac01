import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@passerelle/platform';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { DataSource } from 'typeorm';
import { ACCESS_TOKEN_ALGORITHM } from '@passerelle/platform/auth';
import type { IdentityConfig } from '../../config';
import { publishedKeysOf, shouldRotate, signingKeyOf } from '../domain/signing-key-schedule';
import { PrivateKeyCipher } from './private-key-cipher';
import { SigningKeyEntity } from './signing-key.entity';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike | Uint8Array;
}

/**
 * Kids this process has signed with. Process-wide, not per instance: the
 * guard's key source has a store of its own (identity.app.ts), built apart
 * from the one that signs.
 */
const signedInThisProcess = new Set<string>();

/**
 * The Ed25519 key pairs identity signs access tokens with. Read from the
 * database on each use (a handful of rows), so every replica signs with the
 * same key and sees a rotation another replica made; decrypted private
 * keys are kept in memory, since a key never changes once written.
 */
@Injectable()
export class SigningKeyStore {
  private readonly cipher: PrivateKeyCipher;
  private readonly decrypted = new Map<string, Promise<KeyLike | Uint8Array>>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {
    this.cipher = new PrivateKeyCipher(config.tokenSigningSecret);
  }

  /** The key to sign with now, creating the first one or the next one when it is due. */
  async signingKey(): Promise<SigningKey> {
    const now = await this.now();
    let keys = await this.newestFirst();
    if (shouldRotate(keys[0], now, this.config.signingKeyRotationDays)) keys = await this.rotate();
    const key = signingKeyOf(keys, now);
    if (!key) throw new Error('no signing key after rotation');
    let privateKey = this.decrypted.get(key.kid);
    if (!privateKey) {
      privateKey = importJWK(JSON.parse(this.cipher.decrypt(key.privateJwkEncrypted, key.kid)) as JWK, ACCESS_TOKEN_ALGORITHM);
      this.decrypted.set(key.kid, privateKey);
    }
    signedInThisProcess.add(key.kid);
    return { kid: key.kid, privateKey: await privateKey };
  }

  /** Whether this process has signed with `kid`: a key it knows to be genuine, whatever the verifier's cache says. */
  hasSignedWith(kid: string): boolean {
    return signedInThisProcess.has(kid);
  }

  /** The public keys of every token that may still be valid, for the JWKS. */
  async publishedKeys(): Promise<JWK[]> {
    const keys = publishedKeysOf(await this.newestFirst(), await this.now(), this.config.accessTokenTtlSeconds);
    return keys.map((key) => key.publicJwk);
  }

  /**
   * Creates a key if none is due yet. The advisory lock makes replicas that
   * find the key due at the same moment create one key, not one each.
   */
  private async rotate(): Promise<SigningKeyEntity[]> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('identity:signing-key-rotation'))");
      const [newest] = await manager.find(SigningKeyEntity, { order: { createdAt: 'DESC' }, take: 1 });
      const [{ now }] = (await manager.query('SELECT now() AS now')) as { now: Date }[];
      if (!shouldRotate(newest, now, this.config.signingKeyRotationDays)) return;
      const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
      const publicJwk = await exportJWK(publicKey);
      const kid = await calculateJwkThumbprint(publicJwk);
      await manager.insert(SigningKeyEntity, {
        kid,
        publicJwk: { ...publicJwk, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' },
        privateJwkEncrypted: this.cipher.encrypt(JSON.stringify(await exportJWK(privateKey)), kid),
        createdAt: now,
      });
    });
    return this.newestFirst();
  }

  private newestFirst(): Promise<SigningKeyEntity[]> {
    return this.dataSource.getRepository(SigningKeyEntity).find({ order: { createdAt: 'DESC' } });
  }

  /** The database's clock, shared by every replica. */
  private async now(): Promise<Date> {
    const [{ now }] = (await this.dataSource.query('SELECT now() AS now')) as { now: Date }[];
    return now;
  }
}
