// Plain JavaScript so that the thread starts under any loader (vitest, plain node, tsx): it
// registers tsx itself and then loads the TypeScript thread body (as workers/solver does).
import { tsImport } from 'tsx/esm/api';

const { checkBody } = await tsImport('./check-thread.ts', import.meta.url);
export default checkBody;
