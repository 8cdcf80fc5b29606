/**
 * Entry point of the `jixiao` command.
 * @module
 */
import { main } from './main.ts';

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
