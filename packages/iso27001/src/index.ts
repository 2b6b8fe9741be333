/**
 * The ISO/IEC 27001:2022 catalogue as data. Titles are the public clause and control titles;
 * descriptions are in our own words. This package starts with the management-system clauses;
 * the Annex A controls and their attributes arrive with the ISMS-core module.
 */
export interface Clause {
  ref: string;
  title: string;
}

export const CLAUSES: readonly Clause[] = [
  { ref: '4.1', title: 'Understanding the organization and its context' },
  { ref: '4.2', title: 'Understanding the needs and expectations of interested parties' },
  { ref: '4.3', title: 'Determining the scope of the information security management system' },
  { ref: '4.4', title: 'Information security management system' },
  { ref: '5.1', title: 'Leadership and commitment' },
  { ref: '5.2', title: 'Policy' },
  { ref: '5.3', title: 'Organizational roles, responsibilities and authorities' },
  { ref: '6.1', title: 'Actions to address risks and opportunities' },
  { ref: '6.1.1', title: 'General' },
  { ref: '6.1.2', title: 'Information security risk assessment' },
  { ref: '6.1.3', title: 'Information security risk treatment' },
  { ref: '6.2', title: 'Information security objectives and planning to achieve them' },
  { ref: '6.3', title: 'Planning of changes' },
  { ref: '7.1', title: 'Resources' },
  { ref: '7.2', title: 'Competence' },
  { ref: '7.3', title: 'Awareness' },
  { ref: '7.4', title: 'Communication' },
  { ref: '7.5', title: 'Documented information' },
  { ref: '8.1', title: 'Operational planning and control' },
  { ref: '8.2', title: 'Information security risk assessment' },
  { ref: '8.3', title: 'Information security risk treatment' },
  { ref: '9.1', title: 'Monitoring, measurement, analysis and evaluation' },
  { ref: '9.2', title: 'Internal audit' },
  { ref: '9.3', title: 'Management review' },
  { ref: '10.1', title: 'Continual improvement' },
  { ref: '10.2', title: 'Nonconformity and corrective action' },
];

export function findClause(ref: string): Clause | undefined {
  return CLAUSES.find((clause) => clause.ref === ref);
}
