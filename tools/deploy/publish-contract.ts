/**
 * `npm run contracts:publish`: writes docs/asyncapi.json from the event
 * catalogue, refusing a change that is not backward compatible with what is
 * published there (see schema-compatibility.ts). The fix for a refused change
 * is a new version of the event type beside the published one.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { publicationProblems, publishedContractPath, readPublishedContract, renderContract } from './published-contract';

const root = process.cwd();
const target = publishedContractPath(root);
const problems = existsSync(target) ? publicationProblems(readPublishedContract(root)) : [];
if (problems.length > 0) {
  process.stderr.write(
    `contracts: not published: ${problems.length} change(s) would break consumers of ${target}:\n` +
      problems.map((problem) => `  - ${problem}`).join('\n') +
      '\nPublish the change as a new version of the event type (passerelle.<service>.<aggregate>.<verb>.v<N+1>) beside the old one.\n',
  );
  process.exit(1);
}
writeFileSync(target, renderContract());
process.stderr.write(`contracts: wrote ${target}\n`);
