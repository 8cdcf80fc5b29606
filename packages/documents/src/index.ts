/**
 * @jixiao/documents — reading reports written by others and writing the documents units file.
 * @module
 */
export * from './source.ts';
export * from './write/index.ts';
