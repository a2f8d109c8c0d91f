/** Jest: TypeScript tests under test/, mirroring src/. */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
  // Full runs of the sample (MBS Monte Carlo, callable lattices in every scenario) take tens of seconds on a loaded 2-core machine.
  testTimeout: 600000,
  // Both cores: most suites are single-threaded CPU work (Jest's default leaves one core idle).
  maxWorkers: 2,
};
