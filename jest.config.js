// Every test of the repository in one run, so the closing summary counts them
// all: the unit project (pure, fast) and the integration project (real Kafka
// and PostgreSQL). One worker: integration files must not run side by side,
// since apps of one service share a consumer group and would split partitions.
module.exports = {
  projects: ['<rootDir>/jest.unit.config.js', '<rootDir>/jest.e2e.config.js'],
  reporters: ['default', '<rootDir>/tools/testing/summary-reporter.js'],
  maxWorkers: 1,
  // The integration tests wait on brokers and processes.
  testTimeout: 180_000,
};
