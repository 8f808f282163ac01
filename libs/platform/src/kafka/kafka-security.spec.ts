import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/config-schema';
import { kafkaSecurityOf } from './kafka-connection';

describe('kafkaSecurityOf', () => {
  const base = { kafkaSsl: false, kafkaSslCaFile: '', kafkaSaslMechanism: 'none', kafkaSaslUsername: '', kafkaSaslPassword: '' };

  it('connects without authentication by default, with TLS when asked', () => {
    expect(kafkaSecurityOf(base)).toEqual({ ssl: false });
    expect(kafkaSecurityOf({ ...base, kafkaSsl: true })).toEqual({ ssl: true });
  });

  it("trusts the CA file's certificates besides the system store, read at start", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kafka-ca-')), 'ca.crt');
    writeFileSync(file, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(kafkaSecurityOf({ ...base, kafkaSsl: true, kafkaSslCaFile: file })).toEqual({
      ssl: { ca: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'] },
    });
  });

  it('stops the start on a CA file it cannot read, or one given without TLS', () => {
    expect(() => kafkaSecurityOf({ ...base, kafkaSsl: true, kafkaSslCaFile: '/nonexistent/ca.crt' })).toThrow(
      expect.objectContaining({ problems: ['KAFKA_SSL_CA_FILE: cannot be read (ENOENT)'] }),
    );
    expect(() => kafkaSecurityOf({ ...base, kafkaSslCaFile: '/etc/hostname' })).toThrow(
      expect.objectContaining({ problems: ['KAFKA_SSL_CA_FILE: is set but KAFKA_SSL is false'] }),
    );
  });

  it('authenticates with the mechanism and credentials given', () => {
    expect(kafkaSecurityOf({ ...base, kafkaSsl: true, kafkaSaslMechanism: 'scram-sha-512', kafkaSaslUsername: 'matching', kafkaSaslPassword: 's3cret' })).toEqual({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'matching', password: 's3cret' },
    });
  });

  it('names each missing credential when a mechanism is set', () => {
    expect(() => kafkaSecurityOf({ ...base, kafkaSaslMechanism: 'plain' })).toThrow(ConfigError);
    expect(() => kafkaSecurityOf({ ...base, kafkaSaslMechanism: 'plain', kafkaSaslUsername: 'intake' })).toThrow(
      expect.objectContaining({ problems: ['KAFKA_SASL_PASSWORD: is required when KAFKA_SASL_MECHANISM is plain'] }),
    );
  });
});
