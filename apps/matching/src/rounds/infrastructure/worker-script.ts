import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * A compiled worker script beside this file. Under the test runner this file
 * is TypeScript, which a worker thread cannot load: the build in `dist/`
 * (made by the test setup before any test) holds the same code compiled.
 */
export function compiledBeside(script: string): string {
  const compiled = join(__dirname, script);
  if (existsSync(compiled)) return compiled;
  const root = resolve(__dirname, '../../../../..');
  const built = join(root, 'dist', relative(root, __dirname), script);
  if (!existsSync(built)) throw new Error(`No compiled worker at ${built}: run \`npm run build\` first.`);
  return built;
}
