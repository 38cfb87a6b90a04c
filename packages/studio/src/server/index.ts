/** @policy/studio — the analyst's workbench in the browser: the server (the page is in ../client). */
export { startStudio, type Studio, type StudioOptions } from './server.js';
export { isLoopback } from './security.js';
export { FileStore, FileRefused } from './files.js';
