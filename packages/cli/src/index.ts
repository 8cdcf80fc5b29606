export { main, loadModel, reportError, EXIT, VERSION, type Io } from './main.ts';
export { loadSchemes } from '@jixiao/documents';
