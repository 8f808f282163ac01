import { type ComponentType, lazy } from 'react';

/**
 * A page loaded when it is first opened, not with the application: the
 * first screen downloads the shell, the sign-in and the home only. The
 * layout's Suspense shows the loading state meanwhile.
 */
export function lazyPage<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType) {
  const Page = lazy(() => load().then((module) => ({ default: pick(module) })));
  return <Page />;
}
