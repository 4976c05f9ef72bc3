// Plain JavaScript so that the thread starts under any loader (vitest, plain node, tsx): it
// registers tsx itself and then loads the TypeScript thread body (as check-thread-entry.mjs does).
import { tsImport } from 'tsx/esm/api';

const { renderJob } = await tsImport('./render-thread.ts', import.meta.url);
export default renderJob;
