/**
 * Deep copy of plain JSON data. Everything in the model is JSON (it is stored as JSON), and
 * `structuredClone` is not in the platform-free typings src/core compiles against.
 */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
