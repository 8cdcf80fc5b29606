/**
 * The scheme files of `schemes/`, loaded by the CLI's loader (one loader for the whole project).
 * @module
 */
export { loadSchemes } from '@jixiao/cli';
