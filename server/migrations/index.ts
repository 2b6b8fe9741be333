import { Foundation1764360000000 } from './1764360000000-foundation.js';
import { LiveCore1764400000000 } from './1764400000000-live-core.js';
import { Assets1764450000000 } from './1764450000000-assets.js';
import { GapAnalysis1764460000000 } from './1764460000000-gap-analysis.js';
import { Risks1764470000000 } from './1764470000000-risks.js';
import { Soa1764480000000 } from './1764480000000-soa.js';
import { Documents1764490000000 } from './1764490000000-documents.js';
import { Audits1764500000000 } from './1764500000000-audits.js';

/** Every migration, in order. New migrations are appended here and never edited once landed. */
export const MIGRATIONS = [Foundation1764360000000, LiveCore1764400000000, Assets1764450000000, GapAnalysis1764460000000, Risks1764470000000, Soa1764480000000, Documents1764490000000, Audits1764500000000];
