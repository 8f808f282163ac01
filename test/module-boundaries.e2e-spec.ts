import { execFileSync } from 'child_process';

/**
 * The lint rules really forbid the wrong arrows (ARCHITECTURE.md rule 1):
 * an app importing another app, a library importing an app, the contracts
 * importing the platform. Each case is linted as if the file existed.
 */
describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads the project graph Nx caches; make sure it is there and current.
    execFileSync('npx', ['nx', 'show', 'projects'], { env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  });

  /** Lints `source` as the file `filePath` with the repository's ESLint configuration, as `npm run lint` does. */
  async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
    let output: string;
    try {
      output = execFileSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', filePath], {
        input: source,
        env: { ...process.env, NX_DAEMON: 'false' },
        encoding: 'utf8',
      });
    } catch (error) {
      // ESLint exits 1 when it reports errors; its JSON report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const [result] = JSON.parse(output) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages
      .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
      .map((message) => message.message);
  }

  it('forbids an app importing another app', async () => {
    const errors = await boundaryErrors(
      'apps/identity/src/boundary-probe.ts',
      "import { evaluationApp } from '../../evaluation/src/evaluation.app';\nexport const probe = evaluationApp;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('forbids a library importing an app', async () => {
    const errors = await boundaryErrors(
      'libs/platform/src/boundary-probe.ts',
      "import { identityApp } from '../../../apps/identity/src/identity.app';\nexport const probe = identityApp;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('forbids the contracts depending on the platform', async () => {
    const errors = await boundaryErrors(
      'libs/contracts/src/boundary-probe.ts',
      "import { loadConfig } from '@passerelle/platform/config';\nexport const probe = loadConfig;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/type:contracts/);
  });

  it('allows an app to use the shared libraries', async () => {
    const errors = await boundaryErrors(
      'apps/identity/src/boundary-probe.ts',
      "import { userRegistered } from '@passerelle/contracts';\nimport { OutboxWriter } from '@passerelle/platform/outbox';\nexport const probe = [userRegistered, OutboxWriter];\n",
    );
    expect(errors).toEqual([]);
  });
});
