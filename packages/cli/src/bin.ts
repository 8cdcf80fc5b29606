/**
 * Entry point of the `jixiao` command.
 * @module
 */
import { main } from './main.ts';

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
  ...(process.stderr.isTTY ? { progress: (text: string) => process.stderr.write(`\r\x1b[2K${text}`) } : {}),
});
process.exitCode = code;
