/** The entry of a rendering thread (lib/pdf/render-pool.ts): a job in, its document's bytes out. */
export { renderJob as default } from './render-job';
