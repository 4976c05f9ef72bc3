// The worker's entry is plain JavaScript so that it starts under any loader: it brings in
// tsx itself and then the TypeScript worker, like the rest of the workspace runs.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
