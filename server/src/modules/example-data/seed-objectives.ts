import { addDays, addMonths, type IndicatorDirection, type IndicatorFrequency, type Role } from '@annex/domain';
import { OrgScope } from '../../core/authorization.js';
import type { Services } from '../../app/services.js';
import type { Actor } from '../organizations/organization.service.js';

interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const day = (offset: number) => addDays(new Date().toISOString().slice(0, 10), offset);

interface SeedIndicator {
  key: string;
  name: string;
  description: string;
  unit: string;
  target: number;
  direction: IndicatorDirection;
  frequency: IndicatorFrequency;
  owner: string;
  /** The date of the latest measurement; the earlier ones are one period apart before it. */
  last: string;
  /** Oldest first. */
  values: number[];
  notes?: Record<number, string>;
}

/**
 * Lumen's five indicators, a year of measurements each: the phishing click rate came down to
 * target, patch latency drifts off target, access reviews recovered after the internal audit's
 * finding, the backup restore test failed last time and the next one is overdue (the internal
 * audit's open corrective action), incidents closed within SLA dip below target.
 */
const INDICATORS: SeedIndicator[] = [
  {
    key: 'phishing',
    name: 'Phishing click rate',
    description: 'Share of staff who clicked the link in the monthly phishing simulation (clicks / mails delivered), from the simulation platform’s report.',
    unit: '%',
    target: 5,
    direction: 'AT_MOST',
    frequency: 'MONTHLY',
    owner: 'daan',
    last: day(-6),
    values: [14.2, 12.6, 11.8, 10.1, 9.4, 8.3, 7.9, 6.8, 6.1, 5.6, 4.9, 4.4],
    notes: { 0: 'Baseline: first simulation after the awareness kick-off.', 6: 'New e-learning module released.' },
  },
  {
    key: 'patching',
    name: 'Critical patch latency',
    description: 'Median days from the release of a critical (CVSS ≥ 9) patch to its deployment on production hosts, from the vulnerability scanner.',
    unit: 'days',
    target: 14,
    direction: 'AT_MOST',
    frequency: 'MONTHLY',
    owner: 'tom',
    last: day(-9),
    values: [22, 19, 17, 15, 13, 12, 11, 13, 15, 16, 18, 19],
    notes: { 11: 'Two kernel updates waited for a maintenance window.' },
  },
  {
    key: 'access',
    name: 'Access reviews done on time',
    description: 'Share of the quarter’s access reviews (cloud console, fleet database, SSO groups) signed off by their due date.',
    unit: '%',
    target: 100,
    direction: 'AT_LEAST',
    frequency: 'QUARTERLY',
    owner: 'tom',
    last: day(-24),
    values: [50, 75, 100, 100],
    notes: { 0: 'Q2 reviews not recorded (internal audit finding A.5.18).' },
  },
  {
    key: 'restore',
    name: 'Backup restore tests passed',
    description: 'Share of the quarterly restore tests of the fleet database that met the 4-hour recovery time objective.',
    unit: '%',
    target: 100,
    direction: 'AT_LEAST',
    frequency: 'QUARTERLY',
    owner: 'tom',
    last: day(-128),
    values: [100, 100, 50],
    notes: { 2: 'Restore of the largest shard took 6 h 40 min.' },
  },
  {
    key: 'incidents',
    name: 'Incidents closed within SLA',
    description: 'Share of security incidents closed within the SLA of their severity (P1 24 h, P2 3 days, P3 10 days), from the incident tracker.',
    unit: '%',
    target: 90,
    direction: 'AT_LEAST',
    frequency: 'MONTHLY',
    owner: 'priya',
    last: day(-3),
    values: [82, 85, 88, 91, 93, 92, 94, 91, 90, 87, 86, 88],
  },
];

interface SeedObjective {
  title: string;
  description: string;
  owner: string;
  targetDate: string;
  risks: string[];
  controls: string[];
  indicators: string[];
  closed?: { outcome: 'ACHIEVED' | 'MISSED'; note: string; by: string };
}

const OBJECTIVES: SeedObjective[] = [
  {
    title: 'Keep the phishing click rate below 5 %',
    description: 'Monthly simulations with immediate micro-training for those who click; evaluated on the last three simulations.',
    owner: 'daan',
    targetDate: day(75),
    risks: ['Phishing leads to account takeover of a support agent', 'E-mail spoofing of the CFO (invoice fraud)'],
    controls: ['A.6.3', 'A.8.7'],
    indicators: ['phishing'],
  },
  {
    title: 'Patch critical vulnerabilities within 14 days',
    description: 'Weekly patch window for production, automated dependency updates for the portal; evaluated on the median latency per month.',
    owner: 'priya',
    targetDate: day(120),
    risks: ['Vulnerable open-source dependency in the portal', 'Unpatched office firewall', 'Ransomware encrypts the fleet database'],
    controls: ['A.8.8', 'A.8.19'],
    indicators: ['patching'],
  },
  {
    title: 'Recover the platform within the agreed times',
    description: 'Every quarterly restore test meets the 4-hour recovery objective and 90 % of incidents close within their SLA.',
    owner: 'tom',
    targetDate: day(180),
    risks: ['Backups cannot be restored in time', 'Cloud region outage stops tracking'],
    controls: ['A.5.24', 'A.5.26', 'A.5.30', 'A.8.13'],
    indicators: ['restore', 'incidents'],
  },
  {
    title: 'Review access rights every quarter, on time',
    description: 'Quarterly reviews of the cloud console, the fleet database and the SSO groups, signed off by the system owners.',
    owner: 'tom',
    targetDate: day(-14),
    risks: ['Former employee keeps access to the cloud console', 'HR records accessed by unauthorised staff'],
    controls: ['A.5.15', 'A.5.18'],
    indicators: ['access'],
    closed: { outcome: 'ACHIEVED', note: 'Two quarters in a row at 100 %; the reviews are now tasks assigned every quarter.', by: 'daan' },
  },
];

/** Lumen's security objectives (clause 6.2) and indicators (clause 9.1), through the services like a person would. */
export async function seedObjectives(services: Services, organizationId: string, people: Person[]): Promise<void> {
  const { objectives, db } = services;
  const by = (prefix: string) => people.find((p) => p.email.startsWith(`${prefix}@`))!;
  const actor = (p: Person): Actor => ({ actorId: p.id, actorLabel: `${p.name} <${p.email}>`, ip: null });
  const scope = (p: Person) => OrgScope.mint(organizationId, p.id, p.role, 'objective:manage');
  const daan = by('daan');

  const indicatorIds = new Map<string, string>();
  for (const seed of INDICATORS) {
    const owner = by(seed.owner);
    const indicator = await objectives.createIndicator(
      scope(daan),
      { name: seed.name, description: seed.description, unit: seed.unit, target: seed.target, direction: seed.direction, frequency: seed.frequency, ownerId: owner.id },
      actor(daan),
    );
    indicatorIds.set(seed.key, indicator.id);
    const months = seed.frequency === 'QUARTERLY' ? 3 : 1;
    for (const [index, value] of seed.values.entries()) {
      const measuredOn = addMonths(seed.last, -months * (seed.values.length - 1 - index));
      await objectives.recordMeasurement(scope(owner), { indicatorId: indicator.id, value, measuredOn, note: seed.notes?.[index] ?? '' }, actor(owner));
    }
  }
  // Defined a year ago, like the measurements.
  await db.dataSource.query(`UPDATE indicators SET created_on = $2, created_at = $2::date WHERE organization_id = $1`, [organizationId, day(-370)]);

  const riskRows = (await db.dataSource.query(`SELECT id, title FROM risks WHERE organization_id = $1`, [organizationId])) as Array<{ id: string; title: string }>;
  for (const seed of OBJECTIVES) {
    const objective = await objectives.createObjective(
      scope(daan),
      {
        title: seed.title,
        description: seed.description,
        ownerId: by(seed.owner).id,
        targetDate: seed.targetDate,
        riskIds: seed.risks.map((title) => riskRows.find((r) => r.title === title)?.id).filter((id): id is string => !!id),
        controlRefs: seed.controls,
        indicatorIds: seed.indicators.map((key) => indicatorIds.get(key)!),
      },
      actor(daan),
    );
    if (seed.closed) {
      const closer = by(seed.closed.by);
      await objectives.updateObjective(scope(closer), objective.id, objective.version, { outcome: seed.closed.outcome, outcomeNote: seed.closed.note }, actor(closer));
    }
  }
}
