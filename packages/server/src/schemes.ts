/**
 * The scheme files of `schemes/`, loaded by the documents package's loader (one loader for the whole
 * project; the server no longer imports the CLI, which imports the server). The subpath keeps the
 * readers and writers out of the server's start.
 * @module
 */
export { loadSchemes } from '@jixiao/documents/schemes';
