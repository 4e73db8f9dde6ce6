// The loader's former names, kept for follow-up/columnar.test.ts, which imports them from here (follow-up/ is another
// engineer's folder). The one loader is tables/load-files.ts (`@panopticon/core/files`).
export { loadFiles as loadCsv, loadFilesColumnar as loadCsvColumnar } from '../tables/load-files.js';
