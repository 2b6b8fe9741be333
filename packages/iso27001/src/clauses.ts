/**
 * The management-system clauses of ISO/IEC 27001:2022 (4.1 … 10.2). Titles are the public
 * clause titles; summaries are our own words, never the standard's text.
 *
 * Besides the numbered sub-clauses every auditor assesses (4.1 … 10.2, including 6.3), the list
 * holds the third-level sub-clauses that are commonly assessed on their own (6.1.1–6.1.3,
 * 7.5.1–7.5.3, 9.2.1–9.2.2, 9.3.1–9.3.3). Those carry `parent`, the ref of the sub-clause they
 * belong to; filter on `parent === undefined` for the 4.1 … 10.2 level only.
 */
import { deepFreeze } from './freeze.js';

export interface Clause {
  ref: string;
  title: string;
  /** One sentence, in our own words, on what the clause asks of the organisation. */
  summary: string;
  /** The enclosing sub-clause for third-level entries (e.g. '7.5' for '7.5.1'). */
  parent?: string;
}

export const CLAUSES: readonly Clause[] = deepFreeze([
  {
    ref: '4.1',
    title: 'Understanding the organization and its context',
    summary: 'Work out which internal and external circumstances bear on what the ISMS is meant to achieve, and keep that picture current.',
  },
  {
    ref: '4.2',
    title: 'Understanding the needs and expectations of interested parties',
    summary: 'Name the parties that have a stake in information security, what they require, and which of those requirements the ISMS will deal with.',
  },
  {
    ref: '4.3',
    title: 'Determining the scope of the information security management system',
    summary: 'Decide and write down where the ISMS starts and stops — locations, activities, interfaces and dependencies — taking 4.1 and 4.2 into account.',
  },
  {
    ref: '4.4',
    title: 'Information security management system',
    summary: 'Set up, run, maintain and keep improving the ISMS as a set of interacting processes.',
  },
  {
    ref: '5.1',
    title: 'Leadership and commitment',
    summary: 'Top management visibly drives the ISMS: it aligns it with the business, provides resources, and makes sure it gets results.',
  },
  {
    ref: '5.2',
    title: 'Policy',
    summary: 'Top management sets an information security policy that fits the organisation, frames the objectives and commits to improvement, and makes it known.',
  },
  {
    ref: '5.3',
    title: 'Organizational roles, responsibilities and authorities',
    summary: 'Security roles are assigned and communicated, including who makes sure the ISMS conforms and who reports on its performance.',
  },
  {
    ref: '6.1',
    title: 'Actions to address risks and opportunities',
    summary: 'Plan how the ISMS deals with what could stop it or help it reach its intended outcomes, including information security risks.',
  },
  {
    ref: '6.1.1',
    title: 'General',
    summary: 'Identify the risks and opportunities arising from the context and requirements, and plan actions on them that are built into the ISMS.',
    parent: '6.1',
  },
  {
    ref: '6.1.2',
    title: 'Information security risk assessment',
    summary: 'Define a repeatable way to identify, analyse and evaluate information security risks, with criteria for acceptance, and apply it.',
    parent: '6.1',
  },
  {
    ref: '6.1.3',
    title: 'Information security risk treatment',
    summary: 'Choose treatment options and the controls they need, check them against Annex A, produce the Statement of Applicability and a treatment plan, and get owners to accept residual risk.',
    parent: '6.1',
  },
  {
    ref: '6.2',
    title: 'Information security objectives and planning to achieve them',
    summary: 'Set measurable security objectives at relevant levels, and plan who does what, with which resources and by when, to meet them.',
  },
  {
    ref: '6.3',
    title: 'Planning of changes',
    summary: 'Changes to the ISMS happen in a planned, deliberate way rather than ad hoc.',
  },
  {
    ref: '7.1',
    title: 'Resources',
    summary: 'Provide the people, budget, tools and time the ISMS needs.',
  },
  {
    ref: '7.2',
    title: 'Competence',
    summary: 'People doing security-relevant work are competent for it, gaps are closed through training or hiring, and evidence of competence is kept.',
  },
  {
    ref: '7.3',
    title: 'Awareness',
    summary: 'Everyone working for the organisation knows the policy, how they contribute to security, and what happens when they do not follow the rules.',
  },
  {
    ref: '7.4',
    title: 'Communication',
    summary: 'Decide what gets communicated about the ISMS, when, to and by whom, and how.',
  },
  {
    ref: '7.5',
    title: 'Documented information',
    summary: 'Keep the documents and records the standard and the ISMS need, properly created, identified and controlled.',
  },
  {
    ref: '7.5.1',
    title: 'General',
    summary: 'The ISMS holds the documented information the standard asks for plus whatever else the organisation judges necessary for it to work.',
    parent: '7.5',
  },
  {
    ref: '7.5.2',
    title: 'Creating and updating',
    summary: 'Documents are identifiable, in a suitable format and medium, and reviewed and approved before use.',
    parent: '7.5',
  },
  {
    ref: '7.5.3',
    title: 'Control of documented information',
    summary: 'Documented information is available where needed, protected, versioned, retained and disposed of under control, including documents of external origin.',
    parent: '7.5',
  },
  {
    ref: '8.1',
    title: 'Operational planning and control',
    summary: 'Run the processes that deliver the ISMS as planned, control changes and externally provided processes, and keep enough records to show it.',
  },
  {
    ref: '8.2',
    title: 'Information security risk assessment',
    summary: 'Repeat the risk assessment at planned intervals and whenever significant changes happen, and keep the results.',
  },
  {
    ref: '8.3',
    title: 'Information security risk treatment',
    summary: 'Carry out the risk treatment plan and keep the results.',
  },
  {
    ref: '9.1',
    title: 'Monitoring, measurement, analysis and evaluation',
    summary: 'Decide what to measure about security and the ISMS, how and when, who analyses it, and use the results to judge performance and effectiveness.',
  },
  {
    ref: '9.2',
    title: 'Internal audit',
    summary: 'Audit the ISMS internally at planned intervals to check it meets both the standard and the organisation’s own requirements and works in practice.',
  },
  {
    ref: '9.2.1',
    title: 'General',
    summary: 'Internal audits establish whether the ISMS conforms and is effectively implemented and maintained.',
    parent: '9.2',
  },
  {
    ref: '9.2.2',
    title: 'Internal audit programme',
    summary: 'Plan an audit programme with frequency, methods, responsibilities and reporting; pick objective auditors, define criteria and scope, report to management and keep evidence.',
    parent: '9.2',
  },
  {
    ref: '9.3',
    title: 'Management review',
    summary: 'Top management reviews the ISMS at planned intervals to confirm it remains suitable, adequate and effective.',
  },
  {
    ref: '9.3.1',
    title: 'General',
    summary: 'Management reviews take place at planned intervals.',
    parent: '9.3',
  },
  {
    ref: '9.3.2',
    title: 'Management review inputs',
    summary: 'The review considers a defined set of inputs: earlier actions, changes in context and parties’ needs, performance data, audit results, risk status and improvement opportunities.',
    parent: '9.3',
  },
  {
    ref: '9.3.3',
    title: 'Management review results',
    summary: 'The review ends in decisions on improvement and on any changes to the ISMS, and those outcomes are recorded.',
    parent: '9.3',
  },
  {
    ref: '10.1',
    title: 'Continual improvement',
    summary: 'Keep making the ISMS more suitable, adequate and effective over time.',
  },
  {
    ref: '10.2',
    title: 'Nonconformity and corrective action',
    summary: 'When something does not conform, fix it, find the root cause, act so it does not recur, check the action worked, and keep records.',
  },
]);

export function findClause(ref: string): Clause | undefined {
  return CLAUSES.find((clause) => clause.ref === ref);
}
