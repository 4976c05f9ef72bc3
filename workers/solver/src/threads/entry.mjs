// Plain JavaScript so that the thread starts under any loader (vitest, plain node, tsx): it
// registers tsx itself and then loads the TypeScript thread body.
import { tsImport } from 'tsx/esm/api';

await tsImport('./thread.ts', import.meta.url);
