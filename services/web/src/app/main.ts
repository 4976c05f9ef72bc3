import './style.css';
import { initCompareRun } from './compare/run';
import { initCompareSources } from './compare/sources';
import { initLangSwitch } from './i18n/switch';
import { initPlanDownloads } from './plan/downloads';
import { initPlanRun } from './plan/run';
import { initScenarioControls } from './scenario/controls';
import { initGtfsUpload } from './scenario/gtfs';
import { initSettings } from './settings/settings';
import { planMap } from './state/services';
import { initTabs, selectTab } from './tabs/tabs';

/** The page: each view wires its own controls; the map and the API client are shared. */
initSettings(planMap);
initTabs();
initScenarioControls();
initGtfsUpload();
initPlanRun();
initPlanDownloads();
initCompareSources();
initCompareRun();
initLangSwitch();
selectTab('scenario');
document.body.dataset.ready = 'true';
