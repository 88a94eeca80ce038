import { useEffect, useState } from 'react';

/**
 * A module loaded with `import()` on first demand, kept once it has arrived: code the first
 * screen does not need (the statistics engine, the column markers) leaves the entry chunk,
 * and is asked for once, early, by whoever will need it.
 */
export interface LazyModule<T> {
  /** The module if it has arrived, else undefined. */
  current(): T | undefined;
  /** Starts the load (or joins the one under way; a failed load is tried afresh). */
  load(): Promise<T>;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  let pending: Promise<T> | null = null;
  return {
    current: () => loaded,
    load() {
      if (loaded !== undefined) return Promise.resolve(loaded);
      pending ??= importer().then(
        (module) => {
          loaded = module;
          return module;
        },
        (error: unknown) => {
          // Forget the failure: the next demand (the network is back) tries again.
          pending = null;
          throw error;
        },
      );
      return pending;
    },
  };
}

/**
 * The module, once arrived (undefined until then): loading starts when the component mounts.
 * A failed load leaves it undefined; what shows the module's work says why, not this hook.
 */
export function useLazyModule<T>(module: LazyModule<T>): T | undefined {
  const [value, setValue] = useState(module.current);
  useEffect(() => {
    if (value !== undefined) return;
    let live = true;
    module.load().then(
      (loaded) => {
        if (live) setValue(() => loaded);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [module, value]);
  return value;
}
