// Loads Prisma's schema engine (migrations, diffs) compiled to WebAssembly. The native engine
// cannot be downloaded on our machines (nor behind many firewalls); the WASM build talks to the
// database through a driver adapter instead, like the query client does.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type {
  ErrorRegistry,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

export type { SchemaEngine };
export type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';

// The package entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node cannot
// load. The bindings module must be given exactly one instance: it caches views of the
// instance's memory, so re-instantiating later would leave it reading the old memory. Vitest
// re-evaluates our source per test file while Node keeps the bindings module cached, hence the
// cache lives on globalThis, keyed by the bindings module itself.
const CACHE_KEY = Symbol.for('@unionhall/db/schema-engine-wasm');
type Cache = WeakMap<object, Promise<void>>;

function wasmCache(): Cache {
  const holder = globalThis as typeof globalThis & { [CACHE_KEY]?: Cache };
  const cache = holder[CACHE_KEY] ?? new WeakMap<object, Promise<void>>();
  holder[CACHE_KEY] = cache;
  return cache;
}

// Our tsconfig has no DOM lib and @types/node 20 does not declare the WebAssembly global, so
// describe the one call we make.
interface WebAssemblyApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly: webAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

async function instantiate(): Promise<void> {
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(join(dirname(bindingsPath), 'schema_engine_bg.wasm'));
  // The module's only import namespace is its JS glue, under the name the bundler would use.
  const { instance } = await webAssembly.instantiate(bytes, {
    './schema_engine_bg.js': { ...wasmBindings },
  });
  wasmBindings.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === 'function') start();
}

function ensureWasm(): Promise<void> {
  const cache = wasmCache();
  let ready = cache.get(wasmBindings);
  if (!ready) {
    ready = instantiate();
    cache.set(wasmBindings, ready);
    // A failed load must not poison later attempts.
    ready.catch(() => cache.delete(wasmBindings));
  }
  return ready;
}

export const noSchemaFilter = { externalTables: [], externalEnums: [] };

export interface SchemaEngineOptions {
  /** [path, content] of each Prisma schema file. */
  datamodels: Array<[string, string]>;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Receives the engine's log lines (JSON strings). */
  log?: (line: string) => void;
}

/**
 * Runs `fn` with a fresh schema engine and frees the engine's WASM memory afterwards (the engine
 * holds native resources that the garbage collector would release only eventually).
 */
export async function withSchemaEngine<T>(
  options: SchemaEngineOptions,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await ensureWasm();
  const log = options.log ?? (() => {});
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(options.adapterFactory);
  const withDriverError = (error: unknown) =>
    attachDriverError(error, adapterFactory.errorRegistry);
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: options.datamodels },
    log,
    adapterFactory,
  ).catch((error: unknown) => {
    throw withDriverError(error);
  });
  try {
    return await fn(engine);
  } catch (error) {
    throw withDriverError(error);
  } finally {
    engine.free();
  }
}

/**
 * When the database rejects a statement, the engine only says "External error id#N"; the
 * driver's error (with the actual SQL message) waits in the adapter's error registry. Put it in
 * the message and as `cause`, or a failed migration would be impossible to diagnose.
 */
function attachDriverError(error: unknown, registry: ErrorRegistry): unknown {
  if (!(error instanceof Error)) return error;
  const match = /External error id#(\d+)/.exec(error.message);
  if (!match?.[1]) return error;
  const record = registry.consumeError(Number(match[1]));
  if (record === undefined) return error;
  const driverError = record.error;
  const detail = driverError instanceof Error ? driverError.message : String(driverError);
  return new Error(`${detail}\n\n${error.message}`, { cause: driverError });
}
