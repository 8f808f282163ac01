// Unit tests: pure code, no I/O, no Kafka, no database. The web application's
// component tests (*.spec.tsx) run here too, in jsdom (their docblock asks for it).
const shared = require('./jest.shared');

const [, swcOptions] = shared.transform['^.+\\.ts$'];

module.exports = {
  ...shared,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts', '<rootDir>/apps/web/**/*.spec.tsx', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    ...shared.transform,
    '^.+\\.tsx$': [
      '@swc/jest',
      { ...swcOptions, jsc: { ...swcOptions.jsc, parser: { syntax: 'typescript', tsx: true }, transform: { ...swcOptions.jsc.transform, react: { runtime: 'automatic' } } } },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  setupFilesAfterEnv: ['<rootDir>/tools/testing/web-setup.js'],
};
