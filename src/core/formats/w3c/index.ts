/** W3C Web Annotation (JSON-LD AnnotationCollection). */
export { parseW3c, type W3cParseOptions } from './parse';
export { serializeW3c, annotationToW3c, relationToW3c, type W3cSerializeOptions } from './serialize';
export { sourceUri, hashOfSource, ANNO_CONTEXT } from './vocabulary';
