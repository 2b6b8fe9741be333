import { Foundation1764360000000 } from './1764360000000-foundation.js';
import { LiveCore1764400000000 } from './1764400000000-live-core.js';
import { Assets1764450000000 } from './1764450000000-assets.js';
import { GapAnalysis1764460000000 } from './1764460000000-gap-analysis.js';
import { Risks1764470000000 } from './1764470000000-risks.js';
import { Soa1764480000000 } from './1764480000000-soa.js';
import { Documents1764490000000 } from './1764490000000-documents.js';
import { Audits1764500000000 } from './1764500000000-audits.js';
import { AuditPresence1764505000000 } from './1764505000000-audit-presence.js';
import { Training1764510000000 } from './1764510000000-training.js';
import { Objectives1764520000000 } from './1764520000000-objectives.js';
import { ManagementReviews1764530000000 } from './1764530000000-management-reviews.js';
import { Idempotency1764550000000 } from './1764550000000-idempotency.js';
import { PerformanceIndexes1764560000000 } from './1764560000000-performance-indexes.js';

/** Every migration, in order. New migrations are appended here and never edited once landed. */
export const MIGRATIONS = [Foundation1764360000000, LiveCore1764400000000, Assets1764450000000, GapAnalysis1764460000000, Risks1764470000000, Soa1764480000000, Documents1764490000000, Audits1764500000000, AuditPresence1764505000000, Training1764510000000, Objectives1764520000000, ManagementReviews1764530000000, Idempotency1764550000000, PerformanceIndexes1764560000000];
