/** brat standoff: .txt + .ann per article, annotation.conf for the project. */
export { parseBrat, type BratInput } from './parse';
export { readConf, type BratConf } from './conf';
export { readVisualConf, type BratVisual } from './visual';
export { serializeBrat, serializeBratDoc, splitAtLineBreaks } from './serialize';
export { validateBrat } from './validate';
