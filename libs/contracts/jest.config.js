/*
 * Plain JavaScript: Jest needs ts-node to read a jest.config.ts, and the repo
 * does not carry it. The SWC options are inline (swcrc: false) because the
 * root .swcrc excludes *.spec.ts from compilation.
 */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'contracts',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@passerelle/contracts$': '<rootDir>/src/index.ts' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        swcrc: false,
        module: { type: 'commonjs' },
        jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      },
    ],
  },
};
