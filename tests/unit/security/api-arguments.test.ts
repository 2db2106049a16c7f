import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHOD_NAMES, apiArgs, type ApiHandlers } from '../../../src/core/api';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { openWorkspace, type Workspace } from '../../../src/main/services/workspace';
import { startWebHost, type WebHost } from '../../../src/main/web/server';
import { tempDir } from '../../support/temp';
import { SEEDS_DIR } from '../main/services/support';
import { hostileCases, toJson, validExamples } from './support/hostile-args';
import { unbounded } from './support/zod-walk';

/**
 * Every method of the contract, attacked through the real dispatcher (what the desktop IPC
 * binding calls once it has checked the sender) and over real HTTP to the browser host: wrong
 * types at every place of every argument, extra keys, `__proto__`/`constructor`/`prototype`
 * keys, over-long strings and arrays, out-of-range and unsafe numbers, deep nesting. Each must be
 * refused as invalid-argument with no handler run, no file of the workspace changed and
 * Object.prototype untouched. The cases are derived from the schemas, so a method added later
 * is attacked the same way.
 */

let temp: ReturnType<typeof tempDir>;
let workspace: Workspace;
let host: WebHost;
let dispatch: Dispatch;
const calls: string[] = [];
const internalErrors: unknown[] = [];

/** The real handler table, wrapped only to record that a handler was reached. */
function recording(handlers: ApiHandlers): ApiHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      (args: unknown) => {
        calls.push(method);
        return (handler as (a: unknown) => Promise<unknown>)(args);
      },
    ]),
  ) as unknown as ApiHandlers;
}

/** Every file of the workspace with its sha256 (the lock names this process and is left out). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== 'lede.lock') out[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

function post(method: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', host: `127.0.0.1:${host.port}`, 'x-lede-token': host.token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

let before: Record<string, string>;

beforeAll(async () => {
  temp = tempDir('lede-api-args-');
  workspace = await openWorkspace(join(temp.dir, 'ws'), { mode: 'write', seedsDir: SEEDS_DIR });
  await workspace.flush();
  dispatch = createDispatcher(recording(createHandlers(() => workspace)), (error) => internalErrors.push(error));
  host = await startWebHost({ dispatch, rendererDir: join(temp.dir, 'no-renderer') });
  before = snapshot(workspace.dir);
});

afterAll(async () => {
  await host?.close();
  await workspace?.close();
  temp?.cleanup();
});

describe('api arguments', () => {
  it('bounds every string and array of every method (nothing may grow without limit)', () => {
    const problems = API_METHOD_NAMES.flatMap((m) => unbounded(apiArgs[m]).map((p) => `${m}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('has a valid example of every method to mutate (the walk reaches every method)', () => {
    for (const method of API_METHOD_NAMES) {
      for (const example of validExamples(apiArgs[method])) expect(apiArgs[method].safeParse(example).success, `${method} ${JSON.stringify(example)}`).toBe(true);
    }
  });

  it('refuses every hostile argument of every method through the dispatcher, before any handler', async () => {
    let total = 0;
    const accepted: string[] = [];
    for (const method of API_METHOD_NAMES) {
      for (const { label, args } of hostileCases(apiArgs[method])) {
        total++;
        const reply = await dispatch(method, args);
        if (reply.ok || reply.error.code !== 'invalid-argument') accepted.push(`${method}: ${label} -> ${JSON.stringify(reply).slice(0, 200)}`);
      }
    }
    console.log(`api argument cases refused through the dispatcher: ${total - accepted.length} / ${total}`);
    expect(accepted).toEqual([]);
    expect(calls).toEqual([]);
    expect(internalErrors).toEqual([]);
    expectPrototypeUntouched();
    expect(snapshot(workspace.dir)).toEqual(before);
  }, 120_000);

  it('refuses the same over real HTTP to the browser host (400, invalid-argument)', async () => {
    let total = 0;
    const accepted: string[] = [];
    for (const method of API_METHOD_NAMES) {
      for (const { label, args } of hostileCases(apiArgs[method])) {
        total++;
        const body = toJson(args);
        const reply = await post(method, body);
        const code = (JSON.parse(reply.body) as { error?: { code?: string } }).error?.code;
        if (reply.status !== 400 || code !== 'invalid-argument') accepted.push(`${method}: ${label} -> ${reply.status} ${reply.body.slice(0, 200)}`);
      }
      // Bodies a JSON encoder would never produce: a raw __proto__ key, and nesting past any parser's comfort.
      for (const body of ['{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', `${'['.repeat(200_000)}${']'.repeat(200_000)}`, `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`]) {
        total++;
        const reply = await post(method, body);
        if (reply.status !== 400) accepted.push(`${method}: raw ${body.slice(0, 40)} -> ${reply.status} ${reply.body.slice(0, 200)}`);
      }
    }
    console.log(`api argument cases refused over HTTP: ${total - accepted.length} / ${total}`);
    expect(accepted).toEqual([]);
    expect(calls).toEqual([]);
    expect(internalErrors).toEqual([]);
    expectPrototypeUntouched();
    expect(snapshot(workspace.dir)).toEqual(before);
  }, 180_000);

  it('drops unknown keys inside a nested object before anything is stored', async () => {
    const reply = await dispatch('saveSettings', { settings: { analystName: 'Ana', snapToWords: false, isAdmin: true } });
    expect(reply).toMatchObject({ ok: true, value: { analystName: 'Ana', snapToWords: false } });
    const stored = JSON.parse(readFileSync(join(workspace.dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('isAdmin');
    expect(JSON.stringify(stored)).not.toContain('isAdmin');
  });
});
