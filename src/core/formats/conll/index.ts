/** CoNLL BIO for NLP training pipelines (export only). */
export { serializeConll, tokenize, type Token } from './serialize';
