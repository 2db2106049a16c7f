import { API_METHOD_NAMES, decodeResult, type ApiErrorInfo, type Envelope, type EnvelopeApi, type LedeApi, type LedeBridge } from '../../core/api';

/** An api call that came back with an error; `info` is what the backend said, ready to show. */
export class ApiCallError extends Error {
  constructor(
    readonly method: string,
    readonly info: ApiErrorInfo,
  ) {
    super(info.message);
    this.name = 'ApiCallError';
  }
}

/**
 * Turns a transport's envelope-returning api into plain async functions that throw ApiCallError,
 * each result decoded from its form on the wire (core/api decodeResult), whichever transport.
 */
export function unwrapApi(raw: EnvelopeApi): LedeApi {
  const entries = API_METHOD_NAMES.map((method) => {
    const call = raw[method] as (args: unknown) => Promise<Envelope<unknown>>;
    const unwrapped = async (args: unknown) => {
      const envelope = await call(args ?? {});
      if (!envelope.ok) throw new ApiCallError(method, envelope.error);
      return decodeResult(method, envelope.value as never);
    };
    return [method, unwrapped];
  });
  return Object.fromEntries(entries) as LedeApi;
}

export type { LedeBridge };
