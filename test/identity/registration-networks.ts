import { randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';

export interface RegistrationNetwork {
  readonly id: string;
  readonly slug: string;
  /** The one e-mail domain it admits to self-registration. */
  readonly domain: string;
}

/** A network of its own per test; written directly, since creating one over HTTP needs a platform admin. */
export async function createRegistrationNetwork(
  dataSource: DataSource,
  policy: 'open' | 'invitation',
  prefix: string,
): Promise<RegistrationNetwork> {
  const suffix = randomUUID().slice(0, 8);
  const network = { id: randomUUID(), slug: `${prefix}-${suffix}`, domain: `univ-${suffix}.example` };
  await dataSource.query('INSERT INTO networks (id, name, slug, allowed_email_domains, registration_policy) VALUES ($1, $2, $3, $4, $5)', [
    network.id,
    `University ${suffix}`,
    network.slug,
    [network.domain],
    policy,
  ]);
  return network;
}
