import type { MipStatus } from './mip';

/** What the HiGHS thread is started with: flags[0] = 1 once loaded, flags[1] = 1 once a solve is done. */
export interface HighsThreadData {
  control: SharedArrayBuffer;
}

/** Result slots before x: status code, objective, bound, seconds, has x, HiGHS heap bytes. */
export const RESULT_HEADER = 6;

export const MIP_STATUS_CODES: readonly MipStatus[] = ['optimal', 'time_limit', 'infeasible', 'error'];
