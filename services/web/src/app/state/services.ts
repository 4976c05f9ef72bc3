import { ApiClient } from '../api/client';
import { PlanMap } from '../map/plan-map';
import { $ } from '../ui/dom';

/** The page's one API client (its key from the Settings field) and its one map. */
export const api = new ApiClient(() => $<HTMLInputElement>('api-key').value);
export const planMap = new PlanMap($('map'));
