/**
 * The 93 Annex A controls of ISO/IEC 27001:2022 with the attribute values ISO/IEC 27002:2022
 * assigns to them (its Table A.1). Titles are the public control titles; each `summary` is our
 * own wording of what the control is about and what an auditor looks for — never the text of
 * the standard.
 *
 * Two normalisations of the published attribute table:
 * - A.5.22: the table prints `#Information_security_assurance` in the security-domains column,
 *   where it cannot belong (it is an operational capability); it is listed here as an
 *   operational capability next to supplier relationships security.
 * - A.6.6: the table prints `#Supplier_relationships`; that is the operational capability
 *   `#Supplier_relationships_security`.
 * Every attribute list is given in the canonical order of its values (CONTROL_TYPES,
 * SECURITY_PROPERTIES, …), whatever order the table prints them in.
 */
import { deepFreeze } from './freeze.js';

export type ControlTheme = 'ORGANIZATIONAL' | 'PEOPLE' | 'PHYSICAL' | 'TECHNOLOGICAL';

export const CONTROL_THEMES: readonly ControlTheme[] = deepFreeze(['ORGANIZATIONAL', 'PEOPLE', 'PHYSICAL', 'TECHNOLOGICAL']);

/** The Annex A section each theme occupies: organizational A.5, people A.6, physical A.7, technological A.8. */
export const CONTROL_THEME_SECTION: Readonly<Record<ControlTheme, string>> = deepFreeze({
  ORGANIZATIONAL: 'A.5',
  PEOPLE: 'A.6',
  PHYSICAL: 'A.7',
  TECHNOLOGICAL: 'A.8',
});

export type ControlType = 'PREVENTIVE' | 'DETECTIVE' | 'CORRECTIVE';
export type SecurityProperty = 'CONFIDENTIALITY' | 'INTEGRITY' | 'AVAILABILITY';
export type CybersecurityConcept = 'IDENTIFY' | 'PROTECT' | 'DETECT' | 'RESPOND' | 'RECOVER';
/** The 15 operational capabilities of ISO/IEC 27002:2022. */
export type OperationalCapability =
  | 'GOVERNANCE'
  | 'ASSET_MANAGEMENT'
  | 'INFORMATION_PROTECTION'
  | 'HUMAN_RESOURCE_SECURITY'
  | 'PHYSICAL_SECURITY'
  | 'SYSTEM_AND_NETWORK_SECURITY'
  | 'APPLICATION_SECURITY'
  | 'SECURE_CONFIGURATION'
  | 'IDENTITY_AND_ACCESS_MANAGEMENT'
  | 'THREAT_AND_VULNERABILITY_MANAGEMENT'
  | 'CONTINUITY'
  | 'SUPPLIER_RELATIONSHIPS_SECURITY'
  | 'LEGAL_AND_COMPLIANCE'
  | 'INFORMATION_SECURITY_EVENT_MANAGEMENT'
  | 'INFORMATION_SECURITY_ASSURANCE';
export type SecurityDomain = 'GOVERNANCE_AND_ECOSYSTEM' | 'PROTECTION' | 'DEFENCE' | 'RESILIENCE';

/** Every value of each attribute, in the order ISO/IEC 27002:2022 lists them (handy for enums and filters). */
export const CONTROL_TYPES: readonly ControlType[] = deepFreeze(['PREVENTIVE', 'DETECTIVE', 'CORRECTIVE']);
export const SECURITY_PROPERTIES: readonly SecurityProperty[] = deepFreeze(['CONFIDENTIALITY', 'INTEGRITY', 'AVAILABILITY']);
export const CYBERSECURITY_CONCEPTS: readonly CybersecurityConcept[] = deepFreeze(['IDENTIFY', 'PROTECT', 'DETECT', 'RESPOND', 'RECOVER']);
export const OPERATIONAL_CAPABILITIES: readonly OperationalCapability[] = deepFreeze([
  'GOVERNANCE',
  'ASSET_MANAGEMENT',
  'INFORMATION_PROTECTION',
  'HUMAN_RESOURCE_SECURITY',
  'PHYSICAL_SECURITY',
  'SYSTEM_AND_NETWORK_SECURITY',
  'APPLICATION_SECURITY',
  'SECURE_CONFIGURATION',
  'IDENTITY_AND_ACCESS_MANAGEMENT',
  'THREAT_AND_VULNERABILITY_MANAGEMENT',
  'CONTINUITY',
  'SUPPLIER_RELATIONSHIPS_SECURITY',
  'LEGAL_AND_COMPLIANCE',
  'INFORMATION_SECURITY_EVENT_MANAGEMENT',
  'INFORMATION_SECURITY_ASSURANCE',
]);
export const SECURITY_DOMAINS: readonly SecurityDomain[] = deepFreeze(['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION', 'DEFENCE', 'RESILIENCE']);

export interface ControlAttributes {
  controlType: ControlType[];
  securityProperties: SecurityProperty[];
  cybersecurityConcepts: CybersecurityConcept[];
  operationalCapabilities: OperationalCapability[];
  securityDomains: SecurityDomain[];
}

export interface Control {
  /** 'A.5.1' … 'A.8.34' */
  ref: string;
  /** The public ISO/IEC 27001:2022 Annex A title. */
  title: string;
  theme: ControlTheme;
  /** One or two sentences in our own words: what the control is about and what an auditor looks for. */
  summary: string;
  attributes: ControlAttributes;
}

// Shorthands for the attribute table below.
const CIA: readonly SecurityProperty[] = ['CONFIDENTIALITY', 'INTEGRITY', 'AVAILABILITY'];

function attrs(
  controlType: readonly ControlType[],
  securityProperties: readonly SecurityProperty[],
  cybersecurityConcepts: readonly CybersecurityConcept[],
  operationalCapabilities: readonly OperationalCapability[],
  securityDomains: readonly SecurityDomain[],
): ControlAttributes {
  return {
    controlType: inCanonicalOrder(controlType, CONTROL_TYPES),
    securityProperties: inCanonicalOrder(securityProperties, SECURITY_PROPERTIES),
    cybersecurityConcepts: inCanonicalOrder(cybersecurityConcepts, CYBERSECURITY_CONCEPTS),
    operationalCapabilities: inCanonicalOrder(operationalCapabilities, OPERATIONAL_CAPABILITIES),
    securityDomains: inCanonicalOrder(securityDomains, SECURITY_DOMAINS),
  };
}

/** A fresh copy of `values` in the order of `canonical`, so every attribute list reads the same way. */
function inCanonicalOrder<T>(values: readonly T[], canonical: readonly T[]): T[] {
  return [...values].sort((a, b) => canonical.indexOf(a) - canonical.indexOf(b));
}

export const CONTROLS: readonly Control[] = deepFreeze<Control[]>([
  // ── A.5 Organizational controls (37) ──────────────────────────────────────────────────────
  {
    ref: 'A.5.1',
    title: 'Policies for information security',
    theme: 'ORGANIZATIONAL',
    summary:
      'A top-level security policy plus topic-specific policies that management has approved, that reach the people they concern, and that are reviewed on a schedule or after significant change. Auditors ask for the approval trail, the review dates and proof staff were told.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY'], ['GOVERNANCE'], ['GOVERNANCE_AND_ECOSYSTEM', 'RESILIENCE']),
  },
  {
    ref: 'A.5.2',
    title: 'Information security roles and responsibilities',
    theme: 'ORGANIZATIONAL',
    summary:
      'Who is responsible for what in security is written down and assigned to named roles, matching how the organisation actually works. Auditors compare the documented roles with the people they interview.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY'], ['GOVERNANCE'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION', 'RESILIENCE']),
  },
  {
    ref: 'A.5.3',
    title: 'Segregation of duties',
    theme: 'ORGANIZATIONAL',
    summary:
      'Duties that would let one person both commit and conceal misuse (e.g. request and approve, develop and deploy) are split between people, or compensated where the team is too small. Auditors look for the conflict analysis and for cases where one account did both.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['GOVERNANCE', 'IDENTITY_AND_ACCESS_MANAGEMENT'], ['GOVERNANCE_AND_ECOSYSTEM']),
  },
  {
    ref: 'A.5.4',
    title: 'Management responsibilities',
    theme: 'ORGANIZATIONAL',
    summary:
      'Managers make sure their staff and contractors actually follow the security policies and procedures. Auditors look for managers briefing, enforcing and supporting security in their teams, not just signing off.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY'], ['GOVERNANCE'], ['GOVERNANCE_AND_ECOSYSTEM']),
  },
  {
    ref: 'A.5.5',
    title: 'Contact with authorities',
    theme: 'ORGANIZATIONAL',
    summary:
      'The organisation knows which authorities (regulators, data protection authority, law enforcement, CERTs) it must or may contact, and who does it and when. Auditors ask for the current contact list and how it is used during incidents.',
    attributes: attrs(['PREVENTIVE', 'CORRECTIVE'], CIA, ['IDENTIFY', 'PROTECT', 'RESPOND', 'RECOVER'], ['GOVERNANCE'], ['DEFENCE', 'RESILIENCE']),
  },
  {
    ref: 'A.5.6',
    title: 'Contact with special interest groups',
    theme: 'ORGANIZATIONAL',
    summary:
      'Security staff stay connected with professional forums, industry groups and information-sharing communities to keep their knowledge current. Auditors look for real memberships and how what is learned feeds back into the ISMS.',
    attributes: attrs(['PREVENTIVE', 'CORRECTIVE'], CIA, ['PROTECT', 'RESPOND', 'RECOVER'], ['GOVERNANCE'], ['DEFENCE']),
  },
  {
    ref: 'A.5.7',
    title: 'Threat intelligence',
    theme: 'ORGANIZATIONAL',
    summary:
      'Information about current threats is gathered from chosen sources, analysed for relevance, and turned into actions such as new detections, patches or risk updates. Auditors ask which sources are used and for examples of intelligence that led to a change.',
    attributes: attrs(['PREVENTIVE', 'DETECTIVE', 'CORRECTIVE'], CIA, ['IDENTIFY', 'DETECT', 'RESPOND'], ['THREAT_AND_VULNERABILITY_MANAGEMENT'], ['DEFENCE', 'RESILIENCE']),
  },
  {
    ref: 'A.5.8',
    title: 'Information security in project management',
    theme: 'ORGANIZATIONAL',
    summary:
      'Every project, whatever its kind, considers security from the start: risks assessed, requirements set, and checks at milestones. Auditors sample projects and look for those security steps in the project records.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY', 'PROTECT'], ['GOVERNANCE'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION']),
  },
  {
    ref: 'A.5.9',
    title: 'Inventory of information and other associated assets',
    theme: 'ORGANIZATIONAL',
    summary:
      'The organisation keeps an up-to-date register of its information and of the things that store or process it, with someone named as owner of each. Auditors trace systems they come across back to the register to test that it is complete.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY'], ['ASSET_MANAGEMENT'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION']),
  },
  {
    ref: 'A.5.10',
    title: 'Acceptable use of information and other associated assets',
    theme: 'ORGANIZATIONAL',
    summary:
      'Rules for how people may use and handle information and equipment are written down and made known to users. Auditors check that the rules exist, are communicated and are acknowledged.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['ASSET_MANAGEMENT', 'INFORMATION_PROTECTION'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION']),
  },
  {
    ref: 'A.5.11',
    title: 'Return of assets',
    theme: 'ORGANIZATIONAL',
    summary:
      'When someone leaves or their engagement changes, they hand back the organisation’s equipment and information. Auditors sample leavers and look for a completed return checklist.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['ASSET_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.5.12',
    title: 'Classification of information',
    theme: 'ORGANIZATIONAL',
    summary:
      'Information is put into classes according to how sensitive or critical it is, using a scheme the organisation has defined. Auditors ask for the scheme and check that real information carries a class.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY'], ['INFORMATION_PROTECTION'], ['PROTECTION', 'DEFENCE']),
  },
  {
    ref: 'A.5.13',
    title: 'Labelling of information',
    theme: 'ORGANIZATIONAL',
    summary:
      'Information is marked with its classification in a way people and systems can recognise. Auditors look at documents, e-mails and systems to see whether labels are actually applied.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['INFORMATION_PROTECTION'], ['DEFENCE', 'PROTECTION']),
  },
  {
    ref: 'A.5.14',
    title: 'Information transfer',
    theme: 'ORGANIZATIONAL',
    summary:
      'Whenever information leaves a team or the organisation — by e-mail, file share, courier or conversation — there are agreed rules or contracts for doing so safely. Auditors read the rules and sample exchanges with third parties.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['ASSET_MANAGEMENT', 'INFORMATION_PROTECTION'], ['PROTECTION']),
  },
  {
    ref: 'A.5.15',
    title: 'Access control',
    theme: 'ORGANIZATIONAL',
    summary:
      'The organisation has decided, and written down, who should be able to reach which information and systems and why, covering both physical and logical access. Auditors compare those rules with how access is granted in practice.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['IDENTITY_AND_ACCESS_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.5.16',
    title: 'Identity management',
    theme: 'ORGANIZATIONAL',
    summary:
      'Every user, service and device identity is created, kept accurate and removed through a controlled joiner–mover–leaver process, with shared identities the justified exception. Auditors hunt for orphaned and shared accounts.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['IDENTITY_AND_ACCESS_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.5.17',
    title: 'Authentication information',
    theme: 'ORGANIZATIONAL',
    summary:
      'Passwords, keys and other secrets are issued and handled securely, and users are told how to look after them. Auditors check password rules, secret distribution and storage.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['IDENTITY_AND_ACCESS_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.5.18',
    title: 'Access rights',
    theme: 'ORGANIZATIONAL',
    summary:
      'Access requests are approved by the right person, permissions are re-checked periodically, and access is adjusted or withdrawn when roles change or people leave. Auditors ask for access review evidence and test leavers’ accounts.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['IDENTITY_AND_ACCESS_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.5.19',
    title: 'Information security in supplier relationships',
    theme: 'ORGANIZATIONAL',
    summary:
      'Using suppliers brings security risks, and the organisation has a defined way of recognising and handling them. Auditors look for a supplier inventory with risk ratings and the assessment method.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY'], ['SUPPLIER_RELATIONSHIPS_SECURITY'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION']),
  },
  {
    ref: 'A.5.20',
    title: 'Addressing information security within supplier agreements',
    theme: 'ORGANIZATIONAL',
    summary:
      'Contracts with suppliers spell out the security requirements that fit the relationship. Auditors sample contracts of important suppliers for security clauses.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY'], ['SUPPLIER_RELATIONSHIPS_SECURITY'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION']),
  },
  {
    ref: 'A.5.21',
    title: 'Managing information security in the information and communication technology (ICT) supply chain',
    theme: 'ORGANIZATIONAL',
    summary:
      'Security risks further down the ICT supply chain — the suppliers of your suppliers, components, software origins — are considered and managed. Auditors ask how sub-suppliers and components are vetted.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY'], ['SUPPLIER_RELATIONSHIPS_SECURITY'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION']),
  },
  {
    ref: 'A.5.22',
    title: 'Monitoring, review and change management of supplier services',
    theme: 'ORGANIZATIONAL',
    summary:
      'Supplier security performance is watched and reviewed regularly, and changes to supplier services are assessed before they take effect. Auditors look for supplier reviews, reports received and how changes were handled.',
    attributes: attrs(
      ['PREVENTIVE'],
      CIA,
      ['IDENTIFY'],
      ['SUPPLIER_RELATIONSHIPS_SECURITY', 'INFORMATION_SECURITY_ASSURANCE'],
      ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION', 'DEFENCE'],
    ),
  },
  {
    ref: 'A.5.23',
    title: 'Information security for use of cloud services',
    theme: 'ORGANIZATIONAL',
    summary:
      'Cloud services are chosen, run and eventually left in a way that respects the organisation’s security needs, with the split of responsibilities between provider and customer understood. Auditors ask for the list of cloud services, that split, and exit plans.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['SUPPLIER_RELATIONSHIPS_SECURITY'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION']),
  },
  {
    ref: 'A.5.24',
    title: 'Information security incident management planning and preparation',
    theme: 'ORGANIZATIONAL',
    summary:
      'Before anything goes wrong, the organisation has prepared for incidents: who handles them, how, and how they communicate. Auditors ask for the incident procedure and the members of the response team.',
    attributes: attrs(['CORRECTIVE'], CIA, ['RESPOND', 'RECOVER'], ['GOVERNANCE', 'INFORMATION_SECURITY_EVENT_MANAGEMENT'], ['DEFENCE']),
  },
  {
    ref: 'A.5.25',
    title: 'Assessment and decision on information security events',
    theme: 'ORGANIZATIONAL',
    summary:
      'Not every alert is an incident: reported events are triaged against criteria and the decision is recorded. Auditors look at the criteria and at real triage decisions.',
    attributes: attrs(['DETECTIVE'], CIA, ['DETECT', 'RESPOND'], ['INFORMATION_SECURITY_EVENT_MANAGEMENT'], ['DEFENCE']),
  },
  {
    ref: 'A.5.26',
    title: 'Response to information security incidents',
    theme: 'ORGANIZATIONAL',
    summary:
      'Real incidents are contained, escalated, communicated and closed the way the incident procedure says. Auditors sample incident tickets to see the procedure was followed.',
    attributes: attrs(['CORRECTIVE'], CIA, ['RESPOND', 'RECOVER'], ['INFORMATION_SECURITY_EVENT_MANAGEMENT'], ['DEFENCE']),
  },
  {
    ref: 'A.5.27',
    title: 'Learning from information security incidents',
    theme: 'ORGANIZATIONAL',
    summary:
      'After incidents the organisation reviews what went wrong and feeds the lessons into better controls. Auditors look for post-incident reviews and the improvements that came out of them.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY', 'PROTECT'], ['INFORMATION_SECURITY_EVENT_MANAGEMENT'], ['DEFENCE']),
  },
  {
    ref: 'A.5.28',
    title: 'Collection of evidence',
    theme: 'ORGANIZATIONAL',
    summary:
      'When an event may end in disciplinary or legal action, evidence is gathered and preserved in a way that keeps it credible. Auditors ask how chain of custody would be kept and who is trained to do it.',
    attributes: attrs(['CORRECTIVE'], CIA, ['DETECT', 'RESPOND'], ['INFORMATION_SECURITY_EVENT_MANAGEMENT'], ['DEFENCE']),
  },
  {
    ref: 'A.5.29',
    title: 'Information security during disruption',
    theme: 'ORGANIZATIONAL',
    summary:
      'In a crisis the organisation keeps security at an acceptable level rather than dropping it in order to keep running. Auditors look for security measures inside continuity plans and exercises.',
    attributes: attrs(['PREVENTIVE', 'CORRECTIVE'], CIA, ['PROTECT', 'RESPOND'], ['CONTINUITY'], ['PROTECTION', 'RESILIENCE']),
  },
  {
    ref: 'A.5.30',
    title: 'ICT readiness for business continuity',
    theme: 'ORGANIZATIONAL',
    summary:
      'IT services are planned, built and tested so they can be recovered within the times the business needs. Auditors ask for recovery objectives from a business impact analysis and evidence of recovery tests.',
    attributes: attrs(['CORRECTIVE'], ['AVAILABILITY'], ['RESPOND'], ['CONTINUITY'], ['RESILIENCE']),
  },
  {
    ref: 'A.5.31',
    title: 'Legal, statutory, regulatory and contractual requirements',
    theme: 'ORGANIZATIONAL',
    summary:
      'A register lists the laws, regulations and contract terms that matter for information security and how each is met, and someone keeps it current. Auditors ask for the register and its last review.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY'], ['LEGAL_AND_COMPLIANCE'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION']),
  },
  {
    ref: 'A.5.32',
    title: 'Intellectual property rights',
    theme: 'ORGANIZATIONAL',
    summary:
      'The organisation respects intellectual property, notably software licences, and has procedures to stay within them. Auditors compare installed software with licences held.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY'], ['LEGAL_AND_COMPLIANCE'], ['GOVERNANCE_AND_ECOSYSTEM']),
  },
  {
    ref: 'A.5.33',
    title: 'Protection of records',
    theme: 'ORGANIZATIONAL',
    summary:
      'Records the organisation must keep are safe from being lost, altered, seen by the wrong people or destroyed too early. Auditors look for retention schedules and how records are stored.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY', 'PROTECT'], ['LEGAL_AND_COMPLIANCE', 'ASSET_MANAGEMENT', 'INFORMATION_PROTECTION'], ['DEFENCE']),
  },
  {
    ref: 'A.5.34',
    title: 'Privacy and protection of personal identifiable information (PII)',
    theme: 'ORGANIZATIONAL',
    summary:
      'Personal data is protected in line with applicable privacy law and contracts. Auditors look for a record of processing, privacy roles and the technical and organisational measures applied to personal data.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY', 'PROTECT'], ['INFORMATION_PROTECTION', 'LEGAL_AND_COMPLIANCE'], ['PROTECTION']),
  },
  {
    ref: 'A.5.35',
    title: 'Independent review of information security',
    theme: 'ORGANIZATIONAL',
    summary:
      'Someone independent of the people running it checks how security is managed, on a schedule and after big changes. Auditors ask who did the last independent review and what came of it.',
    attributes: attrs(['PREVENTIVE', 'CORRECTIVE'], CIA, ['IDENTIFY', 'PROTECT'], ['INFORMATION_SECURITY_ASSURANCE'], ['GOVERNANCE_AND_ECOSYSTEM']),
  },
  {
    ref: 'A.5.36',
    title: 'Compliance with policies, rules and standards for information security',
    theme: 'ORGANIZATIONAL',
    summary:
      'Managers and the security function regularly check that the organisation’s own policies and standards are being followed, and act on gaps. Auditors look for these checks and the follow-up of what they found.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY', 'PROTECT'], ['LEGAL_AND_COMPLIANCE', 'INFORMATION_SECURITY_ASSURANCE'], ['GOVERNANCE_AND_ECOSYSTEM']),
  },
  {
    ref: 'A.5.37',
    title: 'Documented operating procedures',
    theme: 'ORGANIZATIONAL',
    summary:
      'The routine work of running systems and facilities — start-up, backup, maintenance, recovery — is described in procedures that operators can find and use. Auditors check that key procedures exist and match what operators really do.',
    attributes: attrs(
      ['PREVENTIVE', 'CORRECTIVE'],
      CIA,
      ['PROTECT', 'RECOVER'],
      [
        'ASSET_MANAGEMENT',
        'PHYSICAL_SECURITY',
        'SYSTEM_AND_NETWORK_SECURITY',
        'APPLICATION_SECURITY',
        'SECURE_CONFIGURATION',
        'IDENTITY_AND_ACCESS_MANAGEMENT',
        'THREAT_AND_VULNERABILITY_MANAGEMENT',
        'CONTINUITY',
        'INFORMATION_SECURITY_EVENT_MANAGEMENT',
      ],
      ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION', 'DEFENCE'],
    ),
  },

  // ── A.6 People controls (8) ───────────────────────────────────────────────────────────────
  {
    ref: 'A.6.1',
    title: 'Screening',
    theme: 'PEOPLE',
    summary:
      'People are vetted before they join, and later where the role calls for it, in proportion to the risk and within the law. Auditors sample new hires for completed checks.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['HUMAN_RESOURCE_SECURITY'], ['GOVERNANCE_AND_ECOSYSTEM']),
  },
  {
    ref: 'A.6.2',
    title: 'Terms and conditions of employment',
    theme: 'PEOPLE',
    summary:
      'Contracts for staff make clear what each side is responsible for regarding security. Auditors read sample contracts for those clauses.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['HUMAN_RESOURCE_SECURITY'], ['GOVERNANCE_AND_ECOSYSTEM']),
  },
  {
    ref: 'A.6.3',
    title: 'Information security awareness, education and training',
    theme: 'PEOPLE',
    summary:
      'Staff and relevant contractors get security awareness and role-specific training, refreshed regularly and when policies change. Auditors ask for the training plan and completion records.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['HUMAN_RESOURCE_SECURITY'], ['GOVERNANCE_AND_ECOSYSTEM']),
  },
  {
    ref: 'A.6.4',
    title: 'Disciplinary process',
    theme: 'PEOPLE',
    summary:
      'People who break security rules face a known, fair, formal process. Auditors check the process is written, communicated, and how it was applied in a real case.',
    attributes: attrs(['PREVENTIVE', 'CORRECTIVE'], CIA, ['PROTECT', 'RESPOND'], ['HUMAN_RESOURCE_SECURITY'], ['GOVERNANCE_AND_ECOSYSTEM']),
  },
  {
    ref: 'A.6.5',
    title: 'Responsibilities after termination or change of employment',
    theme: 'PEOPLE',
    summary:
      'Obligations that outlast a person’s job, such as keeping secrets, are spelt out and made known when they leave or change role. Auditors look at exit procedures and leaver records.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['HUMAN_RESOURCE_SECURITY', 'ASSET_MANAGEMENT'], ['GOVERNANCE_AND_ECOSYSTEM']),
  },
  {
    ref: 'A.6.6',
    title: 'Confidentiality or non-disclosure agreements',
    theme: 'PEOPLE',
    summary:
      'The organisation decides what confidentiality undertakings it needs, keeps the texts under review, and has staff and relevant outsiders sign them. Auditors sample signed agreements.',
    attributes: attrs(
      ['PREVENTIVE'],
      ['CONFIDENTIALITY'],
      ['PROTECT'],
      ['HUMAN_RESOURCE_SECURITY', 'INFORMATION_PROTECTION', 'SUPPLIER_RELATIONSHIPS_SECURITY'],
      ['GOVERNANCE_AND_ECOSYSTEM'],
    ),
  },
  {
    ref: 'A.6.7',
    title: 'Remote working',
    theme: 'PEOPLE',
    summary:
      'Working from outside the organisation’s premises is covered by security measures for devices, connections and surroundings. Auditors ask for the remote-working rules and how they are enforced technically.',
    attributes: attrs(
      ['PREVENTIVE'],
      CIA,
      ['PROTECT'],
      ['ASSET_MANAGEMENT', 'INFORMATION_PROTECTION', 'PHYSICAL_SECURITY', 'SYSTEM_AND_NETWORK_SECURITY'],
      ['PROTECTION'],
    ),
  },
  {
    ref: 'A.6.8',
    title: 'Information security event reporting',
    theme: 'PEOPLE',
    summary:
      'Everyone has a simple, known way to report suspected security events quickly. Auditors ask staff how they would report something and check reports arrive.',
    attributes: attrs(['DETECTIVE'], CIA, ['DETECT'], ['INFORMATION_SECURITY_EVENT_MANAGEMENT'], ['DEFENCE']),
  },

  // ── A.7 Physical controls (14) ────────────────────────────────────────────────────────────
  {
    ref: 'A.7.1',
    title: 'Physical security perimeters',
    theme: 'PHYSICAL',
    summary:
      'Areas holding information or equipment have clearly defined physical boundaries strong enough for what they protect. Auditors walk the site to see the perimeters match the plan.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['PHYSICAL_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.7.2',
    title: 'Physical entry',
    theme: 'PHYSICAL',
    summary:
      'Only authorised people get into secure areas, through entry controls such as badges, reception and visitor logs. Auditors test entry points and review visitor records.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['PHYSICAL_SECURITY', 'IDENTITY_AND_ACCESS_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.7.3',
    title: 'Securing offices, rooms and facilities',
    theme: 'PHYSICAL',
    summary:
      'Offices and rooms are physically secured in proportion to what they contain. Auditors look at locks and whether sensitive rooms are kept closed and discreet.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['PHYSICAL_SECURITY', 'ASSET_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.7.4',
    title: 'Physical security monitoring',
    theme: 'PHYSICAL',
    summary:
      'Alarms, guards, cameras or similar tell the organisation when someone enters where they should not. Auditors check the monitoring works and that alerts are followed up.',
    attributes: attrs(['PREVENTIVE', 'DETECTIVE'], CIA, ['PROTECT', 'DETECT'], ['PHYSICAL_SECURITY'], ['PROTECTION', 'DEFENCE']),
  },
  {
    ref: 'A.7.5',
    title: 'Protecting against physical and environmental threats',
    theme: 'PHYSICAL',
    summary:
      'Facilities are designed and equipped against fire, flood, power surges, intrusion and other physical or environmental threats. Auditors look for the threat assessment and the protections installed.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['PHYSICAL_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.7.6',
    title: 'Working in secure areas',
    theme: 'PHYSICAL',
    summary:
      'Rules apply to how people behave inside secure areas, such as no unsupervised visitors or recording devices. Auditors check the rules and observe whether they are followed.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['PHYSICAL_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.7.7',
    title: 'Clear desk and clear screen',
    theme: 'PHYSICAL',
    summary:
      'Papers and removable media are put away and screens are locked when unattended. Auditors do walk-throughs looking at desks, printers and unlocked screens.',
    attributes: attrs(['PREVENTIVE'], ['CONFIDENTIALITY'], ['PROTECT'], ['PHYSICAL_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.7.8',
    title: 'Equipment siting and protection',
    theme: 'PHYSICAL',
    summary:
      'Equipment is placed and protected so that environmental hazards and unauthorised viewing or access are minimised. Auditors look at where servers, network gear and screens sit.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['PHYSICAL_SECURITY', 'ASSET_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.7.9',
    title: 'Security of assets off-premises',
    theme: 'PHYSICAL',
    summary:
      'Equipment used or taken outside the premises, like laptops and phones, is protected against loss, theft and tampering. Auditors ask for the rules and how lost devices are handled.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['PHYSICAL_SECURITY', 'ASSET_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.7.10',
    title: 'Storage media',
    theme: 'PHYSICAL',
    summary:
      'USB sticks, disks, tapes and other media are handled according to the classification of what is on them, from purchase to destruction. Auditors check media rules and disposal evidence.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['PHYSICAL_SECURITY', 'ASSET_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.7.11',
    title: 'Supporting utilities',
    theme: 'PHYSICAL',
    summary:
      'Power, cooling, water and other utilities are protected and monitored so their failure does not take down information processing. Auditors look at UPS, generator and HVAC maintenance and tests.',
    attributes: attrs(['PREVENTIVE', 'DETECTIVE'], ['INTEGRITY', 'AVAILABILITY'], ['PROTECT', 'DETECT'], ['PHYSICAL_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.7.12',
    title: 'Cabling security',
    theme: 'PHYSICAL',
    summary:
      'Power and network cabling is routed and shielded so it cannot easily be tapped, disturbed or damaged. Auditors look at cable routes, patch rooms and separation of power and data.',
    attributes: attrs(['PREVENTIVE'], ['CONFIDENTIALITY', 'AVAILABILITY'], ['PROTECT'], ['PHYSICAL_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.7.13',
    title: 'Equipment maintenance',
    theme: 'PHYSICAL',
    summary:
      'Equipment is maintained properly and by authorised people so it stays available and intact. Auditors check maintenance schedules and records, including for outside technicians.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['PHYSICAL_SECURITY', 'ASSET_MANAGEMENT'], ['PROTECTION', 'RESILIENCE']),
  },
  {
    ref: 'A.7.14',
    title: 'Secure disposal or re-use of equipment',
    theme: 'PHYSICAL',
    summary:
      'No sensitive data or licensed software should survive on equipment that is thrown away or handed on, so it is checked and wiped or destroyed first. Auditors ask for wiping or destruction certificates.',
    attributes: attrs(['PREVENTIVE'], ['CONFIDENTIALITY'], ['PROTECT'], ['PHYSICAL_SECURITY', 'ASSET_MANAGEMENT'], ['PROTECTION']),
  },

  // ── A.8 Technological controls (34) ───────────────────────────────────────────────────────
  {
    ref: 'A.8.1',
    title: 'User endpoint devices',
    theme: 'TECHNOLOGICAL',
    summary:
      'Laptops, phones and other endpoints that store or reach organisational information are secured, for example with encryption, device management and lock policies. Auditors sample devices for compliance with the baseline.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['ASSET_MANAGEMENT', 'INFORMATION_PROTECTION'], ['PROTECTION']),
  },
  {
    ref: 'A.8.2',
    title: 'Privileged access rights',
    theme: 'TECHNOLOGICAL',
    summary:
      'Administrator and other privileged access is tightly restricted, approved and reviewed. Auditors ask for the list of privileged accounts and evidence of its review.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['IDENTITY_AND_ACCESS_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.8.3',
    title: 'Information access restriction',
    theme: 'TECHNOLOGICAL',
    summary:
      'Systems technically enforce the access rules so that people and processes reach only the information they are allowed to. Auditors test permissions in key systems.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['IDENTITY_AND_ACCESS_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.8.4',
    title: 'Access to source code',
    theme: 'TECHNOLOGICAL',
    summary:
      'Only the right people can read or change the code base, build tooling and libraries. Auditors look at repository permissions and branch protection.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['IDENTITY_AND_ACCESS_MANAGEMENT', 'APPLICATION_SECURITY', 'SECURE_CONFIGURATION'], ['PROTECTION']),
  },
  {
    ref: 'A.8.5',
    title: 'Secure authentication',
    theme: 'TECHNOLOGICAL',
    summary:
      'Log-in mechanisms are strong enough for what they protect, such as multi-factor authentication for remote and privileged access. Auditors check MFA coverage and session settings.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['IDENTITY_AND_ACCESS_MANAGEMENT'], ['PROTECTION']),
  },
  {
    ref: 'A.8.6',
    title: 'Capacity management',
    theme: 'TECHNOLOGICAL',
    summary:
      'Use of computing, storage and network resources is monitored and planned so capacity keeps up with demand. Auditors look for monitoring dashboards, thresholds and capacity plans.',
    attributes: attrs(['PREVENTIVE', 'DETECTIVE'], ['INTEGRITY', 'AVAILABILITY'], ['IDENTIFY', 'PROTECT', 'DETECT'], ['CONTINUITY'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION']),
  },
  {
    ref: 'A.8.7',
    title: 'Protection against malware',
    theme: 'TECHNOLOGICAL',
    summary:
      'Technical anti-malware defences are backed by staff who know how malware arrives. Auditors check coverage, update status and how detections are handled.',
    attributes: attrs(
      ['PREVENTIVE', 'DETECTIVE', 'CORRECTIVE'],
      CIA,
      ['PROTECT', 'DETECT'],
      ['SYSTEM_AND_NETWORK_SECURITY', 'INFORMATION_PROTECTION'],
      ['PROTECTION', 'DEFENCE'],
    ),
  },
  {
    ref: 'A.8.8',
    title: 'Management of technical vulnerabilities',
    theme: 'TECHNOLOGICAL',
    summary:
      'Technical weaknesses in systems in use are found, assessed and fixed in a timely way. Auditors ask for scan results, patch timelines and how overdue fixes are tracked.',
    attributes: attrs(['PREVENTIVE'], CIA, ['IDENTIFY', 'PROTECT'], ['THREAT_AND_VULNERABILITY_MANAGEMENT'], ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION', 'DEFENCE']),
  },
  {
    ref: 'A.8.9',
    title: 'Configuration management',
    theme: 'TECHNOLOGICAL',
    summary:
      'There are agreed, documented secure settings for systems, services and network devices, and drift from them is detected and corrected. Auditors compare live systems against the baselines.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['SECURE_CONFIGURATION'], ['PROTECTION']),
  },
  {
    ref: 'A.8.10',
    title: 'Information deletion',
    theme: 'TECHNOLOGICAL',
    summary:
      'Data that has outlived its purpose is removed from systems, devices and services rather than kept indefinitely. Auditors check that retention periods are enforced and deletion is evidenced.',
    attributes: attrs(['PREVENTIVE'], ['CONFIDENTIALITY'], ['PROTECT'], ['INFORMATION_PROTECTION', 'LEGAL_AND_COMPLIANCE'], ['PROTECTION']),
  },
  {
    ref: 'A.8.11',
    title: 'Data masking',
    theme: 'TECHNOLOGICAL',
    summary:
      'Sensitive data such as personal data is masked, pseudonymised or anonymised where the full value is not needed. Auditors look at where masking is applied, e.g. in test or analytics environments.',
    attributes: attrs(['PREVENTIVE'], ['CONFIDENTIALITY'], ['PROTECT'], ['INFORMATION_PROTECTION'], ['PROTECTION']),
  },
  {
    ref: 'A.8.12',
    title: 'Data leakage prevention',
    theme: 'TECHNOLOGICAL',
    summary:
      'Measures detect and stop sensitive information from leaving through systems, networks or devices. Auditors ask which channels are covered and how alerts are handled.',
    attributes: attrs(['PREVENTIVE', 'DETECTIVE'], ['CONFIDENTIALITY'], ['PROTECT', 'DETECT'], ['INFORMATION_PROTECTION'], ['PROTECTION', 'DEFENCE']),
  },
  {
    ref: 'A.8.13',
    title: 'Information backup',
    theme: 'TECHNOLOGICAL',
    summary:
      'Copies of data, software and systems are made on a schedule set by policy, and restores are tried out to prove they work. Auditors ask for backup logs and restore test results.',
    attributes: attrs(['CORRECTIVE'], ['INTEGRITY', 'AVAILABILITY'], ['RECOVER'], ['CONTINUITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.14',
    title: 'Redundancy of information processing facilities',
    theme: 'TECHNOLOGICAL',
    summary:
      'Critical systems are built with enough duplication that a single failure does not stop the service. Auditors look at failover designs and whether failover has been tested.',
    attributes: attrs(['PREVENTIVE'], ['AVAILABILITY'], ['PROTECT'], ['CONTINUITY', 'ASSET_MANAGEMENT'], ['PROTECTION', 'RESILIENCE']),
  },
  {
    ref: 'A.8.15',
    title: 'Logging',
    theme: 'TECHNOLOGICAL',
    summary:
      'Systems record security-relevant activity and errors in logs that are retained, protected from tampering and actually reviewed. Auditors check what is logged, how long it is kept and who can alter it.',
    attributes: attrs(['DETECTIVE'], CIA, ['DETECT'], ['INFORMATION_SECURITY_EVENT_MANAGEMENT'], ['PROTECTION', 'DEFENCE']),
  },
  {
    ref: 'A.8.16',
    title: 'Monitoring activities',
    theme: 'TECHNOLOGICAL',
    summary:
      'Someone or something watches for unusual behaviour across the estate and reacts to what may be an incident. Auditors look at monitoring tooling, alert rules and responses to alerts.',
    attributes: attrs(['DETECTIVE', 'CORRECTIVE'], CIA, ['DETECT', 'RESPOND'], ['INFORMATION_SECURITY_EVENT_MANAGEMENT'], ['DEFENCE']),
  },
  {
    ref: 'A.8.17',
    title: 'Clock synchronization',
    theme: 'TECHNOLOGICAL',
    summary:
      'All systems take their time from agreed reference sources, so that events in different logs can be put in order. Auditors check time-source settings on sampled systems.',
    attributes: attrs(['DETECTIVE'], ['INTEGRITY'], ['PROTECT', 'DETECT'], ['INFORMATION_SECURITY_EVENT_MANAGEMENT'], ['PROTECTION', 'DEFENCE']),
  },
  {
    ref: 'A.8.18',
    title: 'Use of privileged utility programs',
    theme: 'TECHNOLOGICAL',
    summary:
      'Powerful tools that can get around normal system or application safeguards are available to very few people and their use is controlled. Auditors ask who can run them and whether use is logged.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['SYSTEM_AND_NETWORK_SECURITY', 'SECURE_CONFIGURATION', 'APPLICATION_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.19',
    title: 'Installation of software on operational systems',
    theme: 'TECHNOLOGICAL',
    summary:
      'Installing software on production systems follows controlled procedures. Auditors check who may install software and how installations are approved and recorded.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['SECURE_CONFIGURATION', 'APPLICATION_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.20',
    title: 'Networks security',
    theme: 'TECHNOLOGICAL',
    summary:
      'The network and its devices are hardened and administered so they protect the systems and data that depend on them. Auditors review network diagrams, firewall rules and device hardening.',
    attributes: attrs(['PREVENTIVE', 'DETECTIVE'], CIA, ['PROTECT', 'DETECT'], ['SYSTEM_AND_NETWORK_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.21',
    title: 'Security of network services',
    theme: 'TECHNOLOGICAL',
    summary:
      'For every network service, internal or bought in, the organisation knows which security features and service levels it needs and checks it gets them. Auditors look at provider agreements and monitoring.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['SYSTEM_AND_NETWORK_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.22',
    title: 'Segregation of networks',
    theme: 'TECHNOLOGICAL',
    summary:
      'The network is split into zones according to trust and purpose, so a problem in one part does not spread freely. Auditors look at the segmentation design and how it is enforced.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['SYSTEM_AND_NETWORK_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.23',
    title: 'Web filtering',
    theme: 'TECHNOLOGICAL',
    summary:
      'Browsing is steered away from malicious or unwanted websites. Auditors check the filtering solution, its categories and whether remote users are covered.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['SYSTEM_AND_NETWORK_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.24',
    title: 'Use of cryptography',
    theme: 'TECHNOLOGICAL',
    summary:
      'The organisation has decided where and how encryption and other cryptography are used and how keys are looked after across their life. Auditors ask for approved algorithms and key generation, storage and rotation.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['SECURE_CONFIGURATION'], ['PROTECTION']),
  },
  {
    ref: 'A.8.25',
    title: 'Secure development life cycle',
    theme: 'TECHNOLOGICAL',
    summary:
      'Security is built into how software and systems are developed, from requirements to release, by following set rules. Auditors ask for the secure development policy and evidence from a real project.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['APPLICATION_SECURITY', 'SYSTEM_AND_NETWORK_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.26',
    title: 'Application security requirements',
    theme: 'TECHNOLOGICAL',
    summary:
      'Security needs are worked out and signed off whenever an application is built or bought. Auditors look for them in specifications or procurement records.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['APPLICATION_SECURITY', 'SYSTEM_AND_NETWORK_SECURITY'], ['PROTECTION', 'DEFENCE']),
  },
  {
    ref: 'A.8.27',
    title: 'Secure system architecture and engineering principles',
    theme: 'TECHNOLOGICAL',
    summary:
      'The organisation has written secure design principles (such as defence in depth or least privilege), keeps them current, and applies them to new systems. Auditors ask how designs are checked against them.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['APPLICATION_SECURITY', 'SYSTEM_AND_NETWORK_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.28',
    title: 'Secure coding',
    theme: 'TECHNOLOGICAL',
    summary:
      'Developers follow secure coding practices to avoid introducing vulnerabilities. Auditors look for coding guidelines, code review and static analysis in the pipeline.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['APPLICATION_SECURITY', 'SYSTEM_AND_NETWORK_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.29',
    title: 'Security testing in development and acceptance',
    theme: 'TECHNOLOGICAL',
    summary:
      'Security checks are part of the development process and must pass before a system is accepted. Auditors ask for test plans, results and an example of a failed test stopping a release.',
    attributes: attrs(
      ['PREVENTIVE'],
      CIA,
      ['IDENTIFY'],
      ['APPLICATION_SECURITY', 'INFORMATION_SECURITY_ASSURANCE', 'SYSTEM_AND_NETWORK_SECURITY'],
      ['PROTECTION'],
    ),
  },
  {
    ref: 'A.8.30',
    title: 'Outsourced development',
    theme: 'TECHNOLOGICAL',
    summary:
      'When development is outsourced, the organisation stays in control of security: it sets requirements, oversees the work and checks the deliverables. Auditors check contracts, acceptance tests and oversight.',
    attributes: attrs(
      ['PREVENTIVE', 'DETECTIVE'],
      CIA,
      ['IDENTIFY', 'PROTECT', 'DETECT'],
      ['SYSTEM_AND_NETWORK_SECURITY', 'APPLICATION_SECURITY', 'SUPPLIER_RELATIONSHIPS_SECURITY'],
      ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION'],
    ),
  },
  {
    ref: 'A.8.31',
    title: 'Separation of development, test and production environments',
    theme: 'TECHNOLOGICAL',
    summary:
      'Code is built and tried out away from live systems, and each environment has its own protections. Auditors check the separation and who can reach production.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['APPLICATION_SECURITY', 'SYSTEM_AND_NETWORK_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.32',
    title: 'Change management',
    theme: 'TECHNOLOGICAL',
    summary:
      'No change to systems or facilities goes live without being requested, assessed, approved, tested and reversible. Auditors sample changes for those steps.',
    attributes: attrs(['PREVENTIVE'], CIA, ['PROTECT'], ['APPLICATION_SECURITY', 'SYSTEM_AND_NETWORK_SECURITY'], ['PROTECTION']),
  },
  {
    ref: 'A.8.33',
    title: 'Test information',
    theme: 'TECHNOLOGICAL',
    summary:
      'Data used for testing is picked with care and protected, avoiding copies of real production data where possible. Auditors ask where test data comes from and how it is protected.',
    attributes: attrs(['PREVENTIVE'], ['CONFIDENTIALITY', 'INTEGRITY'], ['PROTECT'], ['INFORMATION_PROTECTION'], ['PROTECTION']),
  },
  {
    ref: 'A.8.34',
    title: 'Protection of information systems during audit testing',
    theme: 'TECHNOLOGICAL',
    summary:
      'Technical audits and other tests on live systems are planned with and approved by management to limit disruption and exposure. Auditors ask how their own technical tests were scoped and authorised.',
    attributes: attrs(
      ['PREVENTIVE'],
      CIA,
      ['PROTECT'],
      ['SYSTEM_AND_NETWORK_SECURITY', 'INFORMATION_PROTECTION'],
      ['GOVERNANCE_AND_ECOSYSTEM', 'PROTECTION'],
    ),
  },
]);

const CONTROLS_BY_REF: ReadonlyMap<string, Control> = new Map(CONTROLS.map((control) => [control.ref, control]));

/** The control with this reference ('A.5.1' … 'A.8.34'), or undefined. */
export function findControl(ref: string): Control | undefined {
  return CONTROLS_BY_REF.get(ref);
}

/** The controls of one theme, in Annex A order. */
export function controlsByTheme(theme: ControlTheme): readonly Control[] {
  return CONTROLS.filter((control) => control.theme === theme);
}
