/** doccano JSONL: one article per line, `label` or `entities`/`relations` shape. */
export { parseJsonl } from './parse';
export { serializeJsonl, type JsonlSerializeOptions } from './serialize';
