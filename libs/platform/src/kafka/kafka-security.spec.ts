import { ConfigError } from '../config/config-schema';
import { kafkaSecurityOf } from './kafka-connection';

describe('kafkaSecurityOf', () => {
  const base = { kafkaSsl: false, kafkaSaslMechanism: 'none', kafkaSaslUsername: '', kafkaSaslPassword: '' };

  it('connects without authentication by default, with TLS when asked', () => {
    expect(kafkaSecurityOf(base)).toEqual({ ssl: false });
    expect(kafkaSecurityOf({ ...base, kafkaSsl: true })).toEqual({ ssl: true });
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
