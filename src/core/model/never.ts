/**
 * The default branch of an exhaustive switch: the compiler refuses the call while some case (an
 * attribute type, a format, an edit kind) is not handled, so adding one finds every site that must
 * learn it. At run time it can only be reached by data that skipped validation.
 */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
