// Integration and end-to-end tests against the real Kafka broker and the real
// PostgreSQL. One file at a time: apps of the same service share a consumer
// group, and two of them in parallel would split its partitions.
module.exports = {
  ...require('./jest.shared'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/{apps,libs}/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/tools/testing/global-setup.ts',
  globalTeardown: '<rootDir>/tools/testing/global-teardown.ts',
  testTimeout: 180_000,
  maxWorkers: 1,
};
