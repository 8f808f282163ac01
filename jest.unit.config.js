// Unit tests: pure code, no I/O, no Kafka, no database.
module.exports = {
  ...require('./jest.shared'),
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
