/** CSV for spreadsheets (export only). */
export { serializeCsv, CSV_COLUMNS } from './serialize';
