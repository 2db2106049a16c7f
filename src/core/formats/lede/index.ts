/** Lede JSON: the lossless, versioned export of articles, annotations, relations and schema. */
export { parseLede, type LedeParseOptions } from './parse';
export { serializeLede, type LedeSerializeOptions } from './serialize';
export { LEDE_FORMAT_VERSION, LedeFileSchema } from './shape';
