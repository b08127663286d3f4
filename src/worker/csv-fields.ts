/**
 * The CSV kinds and fields, for the page's mapping step. A module of its own so the page
 * imports these constants without the worker's CSV reader (papaparse) or storage code.
 */
export { CSV_FIELDS, CSV_KINDS } from '$backup/csv/fields';
export { unitPriceAsAmount } from '$backup/csv/line-items';
