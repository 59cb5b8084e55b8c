// Two projects: unit tests (pure logic, seconds) and integration tests (real
// containers, etcd, …; run serially by scripts/test.sh).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@berth/testing$': '<rootDir>/test/support/index.ts',
  '^@berth/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  '^@berth/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// NestJS 12 ships ES modules only; swc turns them (and our TypeScript) into CommonJS for jest
const common = {
  transform: { '^.+\\.ts$': swc, '^.+/node_modules/@nestjs/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
  moduleNameMapper,
  // node's, plus: the child processes a test leaves running are killed when it ends
  testEnvironment: '<rootDir>/test/support/jest-environment.ts',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,bench,deploy}/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.js'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      slowTestThreshold: 30,
    },
  ],
};
