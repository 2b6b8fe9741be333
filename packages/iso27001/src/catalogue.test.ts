import { describe, expect, it } from 'vitest';
import {
  CLAUSES,
  CONTROLS,
  CONTROL_THEMES,
  CONTROL_THEME_SECTION,
  CONTROL_TYPES,
  CYBERSECURITY_CONCEPTS,
  MANDATORY_DOCUMENTS,
  OPERATIONAL_CAPABILITIES,
  SECURITY_DOMAINS,
  SECURITY_PROPERTIES,
  controlsByTheme,
  findClause,
  findControl,
  findMandatoryDocument,
  type ControlAttributes,
} from './index.js';

describe('ISO/IEC 27001:2022 clauses', () => {
  it('has unique, well-formed references from 4.1 to 10.2, including 6.3', () => {
    const refs = CLAUSES.map((c) => c.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const ref of refs) expect(ref).toMatch(/^(4|5|6|7|8|9|10)\.\d(\.\d)?$/);
    expect(refs[0]).toBe('4.1');
    expect(refs.at(-1)).toBe('10.2');
    expect(findClause('6.3')?.title).toBe('Planning of changes');
  });

  it('lists the 23 sub-clauses 4.1 … 10.2 at top level, with third-level entries under an existing parent', () => {
    const topLevel = CLAUSES.filter((c) => c.parent === undefined).map((c) => c.ref);
    expect(topLevel).toEqual([
      '4.1', '4.2', '4.3', '4.4',
      '5.1', '5.2', '5.3',
      '6.1', '6.2', '6.3',
      '7.1', '7.2', '7.3', '7.4', '7.5',
      '8.1', '8.2', '8.3',
      '9.1', '9.2', '9.3',
      '10.1', '10.2',
    ]);
    for (const clause of CLAUSES) {
      if (clause.ref.split('.').length === 3) {
        expect(clause.parent, clause.ref).toBe(clause.ref.split('.').slice(0, 2).join('.'));
        expect(findClause(clause.parent ?? ''), clause.ref).toBeDefined();
      } else {
        expect(clause.parent, clause.ref).toBeUndefined();
      }
    }
  });

  it('is in document order', () => {
    const key = (ref: string) => ref.split('.').map((n) => n.padStart(3, '0')).join('.');
    const refs = CLAUSES.map((c) => c.ref);
    expect([...refs].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(refs);
  });

  it('gives every clause a title and a one-sentence summary', () => {
    for (const clause of CLAUSES) {
      expect(clause.title.trim(), clause.ref).not.toBe('');
      expect(clause.summary.trim().length, clause.ref).toBeGreaterThan(20);
    }
  });
});

describe('ISO/IEC 27001:2022 Annex A controls', () => {
  it('has 93 controls: 37 organizational, 8 people, 14 physical, 34 technological', () => {
    expect(CONTROLS).toHaveLength(93);
    const counts = Object.fromEntries(CONTROL_THEMES.map((theme) => [theme, controlsByTheme(theme).length]));
    expect(counts).toEqual({ ORGANIZATIONAL: 37, PEOPLE: 8, PHYSICAL: 14, TECHNOLOGICAL: 34 });
  });

  it('has unique, well-formed references numbered consecutively within each theme', () => {
    const refs = CONTROLS.map((c) => c.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const ref of refs) expect(ref).toMatch(/^A\.(5|6|7|8)\.\d{1,2}$/);
    for (const theme of CONTROL_THEMES) {
      const section = CONTROL_THEME_SECTION[theme];
      const controls = controlsByTheme(theme);
      controls.forEach((control, index) => expect(control.ref).toBe(`${section}.${index + 1}`));
    }
    expect(refs[0]).toBe('A.5.1');
    expect(refs.at(-1)).toBe('A.8.34');
  });

  it('has non-empty, unique titles and a summary for every control', () => {
    const titles = CONTROLS.map((c) => c.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const control of CONTROLS) {
      expect(control.title.trim(), control.ref).not.toBe('');
      expect(control.summary.trim().length, control.ref).toBeGreaterThan(40);
    }
  });

  it('has at least one valid, non-repeated value in each attribute list', () => {
    const allowed: { [K in keyof ControlAttributes]: readonly string[] } = {
      controlType: CONTROL_TYPES,
      securityProperties: SECURITY_PROPERTIES,
      cybersecurityConcepts: CYBERSECURITY_CONCEPTS,
      operationalCapabilities: OPERATIONAL_CAPABILITIES,
      securityDomains: SECURITY_DOMAINS,
    };
    expect(OPERATIONAL_CAPABILITIES).toHaveLength(15);
    for (const control of CONTROLS) {
      for (const key of Object.keys(allowed) as Array<keyof ControlAttributes>) {
        const values: readonly string[] = control.attributes[key];
        expect(values.length, `${control.ref} ${key}`).toBeGreaterThan(0);
        expect(new Set(values).size, `${control.ref} ${key}`).toBe(values.length);
        for (const value of values) expect(allowed[key], `${control.ref} ${key}`).toContain(value);
        const positions = values.map((value) => allowed[key].indexOf(value));
        expect(positions, `${control.ref} ${key} in canonical order`).toEqual([...positions].sort((a, b) => a - b));
      }
    }
  });

  it('uses every attribute value somewhere', () => {
    const used = (key: keyof ControlAttributes) => new Set(CONTROLS.flatMap((c) => c.attributes[key] as readonly string[]));
    expect([...used('controlType')].sort()).toEqual([...CONTROL_TYPES].sort());
    expect([...used('securityProperties')].sort()).toEqual([...SECURITY_PROPERTIES].sort());
    expect([...used('cybersecurityConcepts')].sort()).toEqual([...CYBERSECURITY_CONCEPTS].sort());
    expect([...used('operationalCapabilities')].sort()).toEqual([...OPERATIONAL_CAPABILITIES].sort());
    expect([...used('securityDomains')].sort()).toEqual([...SECURITY_DOMAINS].sort());
  });

  it('matches the #Corrective view published in ISO/IEC 27002:2022 (14 controls)', () => {
    const corrective = CONTROLS.filter((c) => c.attributes.controlType.includes('CORRECTIVE')).map((c) => c.ref);
    expect(corrective).toEqual([
      'A.5.5', 'A.5.6', 'A.5.7', 'A.5.24', 'A.5.26', 'A.5.28', 'A.5.29', 'A.5.30', 'A.5.35', 'A.5.37',
      'A.6.4', 'A.8.7', 'A.8.13', 'A.8.16',
    ]);
  });

  it('carries the public titles and attributes of well-known controls', () => {
    expect(findControl('A.5.1')?.title).toBe('Policies for information security');
    expect(findControl('A.5.7')?.title).toBe('Threat intelligence');
    expect(findControl('A.5.23')?.title).toBe('Information security for use of cloud services');
    expect(findControl('A.8.28')?.title).toBe('Secure coding');
    expect(findControl('A.5.7')?.attributes).toEqual({
      controlType: ['PREVENTIVE', 'DETECTIVE', 'CORRECTIVE'],
      securityProperties: ['CONFIDENTIALITY', 'INTEGRITY', 'AVAILABILITY'],
      cybersecurityConcepts: ['IDENTIFY', 'DETECT', 'RESPOND'],
      operationalCapabilities: ['THREAT_AND_VULNERABILITY_MANAGEMENT'],
      securityDomains: ['DEFENCE', 'RESILIENCE'],
    });
    expect(findControl('A.5.30')?.attributes.securityProperties).toEqual(['AVAILABILITY']);
    expect(findControl('A.8.13')?.attributes.cybersecurityConcepts).toEqual(['RECOVER']);
    expect(findControl('A.9.1')).toBeUndefined();
  });

  it('is immutable', () => {
    const control = findControl('A.5.1');
    expect(Object.isFrozen(CONTROLS)).toBe(true);
    expect(Object.isFrozen(control)).toBe(true);
    expect(Object.isFrozen(control?.attributes.controlType)).toBe(true);
    // Shared attribute arrays are copied per control, so freezing one never aliases another.
    expect(findControl('A.5.2')?.attributes.securityProperties).not.toBe(control?.attributes.securityProperties);
  });
});

describe('ISO/IEC 27001:2022 mandatory documented information', () => {
  it('has unique refs, each tied to a known clause or control', () => {
    const refs = MANDATORY_DOCUMENTS.map((d) => d.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const doc of MANDATORY_DOCUMENTS) {
      expect(doc.ref, doc.ref).toMatch(/^MD-/);
      expect(doc.ref.startsWith(`MD-${doc.clause}`), doc.ref).toBe(true);
      expect(findClause(doc.clause) ?? findControl(doc.clause), `${doc.ref} → ${doc.clause}`).toBeDefined();
      expect(doc.source, doc.ref).toBe(doc.clause.startsWith('A.') ? 'ANNEX_A' : 'CLAUSE');
      expect(['DOCUMENT', 'RECORD']).toContain(doc.kind);
      expect(doc.title.trim(), doc.ref).not.toBe('');
      expect(doc.description.trim().length, doc.ref).toBeGreaterThan(20);
      expect(findMandatoryDocument(doc.ref)).toBe(doc);
    }
  });

  it('covers the documented information the clauses require', () => {
    const clauseDocs = MANDATORY_DOCUMENTS.filter((d) => d.source === 'CLAUSE').map((d) => d.clause);
    for (const clause of ['4.3', '5.2', '6.1.2', '6.1.3', '6.2', '7.2', '8.1', '8.2', '8.3', '9.1', '9.2.2', '9.3.3', '10.2']) {
      expect(clauseDocs, clause).toContain(clause);
    }
    expect(findMandatoryDocument('MD-6.1.3-d')?.title).toBe('Statement of Applicability');
    expect(findMandatoryDocument('MD-6.1.3-e')?.title).toBe('Information security risk treatment plan');
    expect(findMandatoryDocument('MD-A.5.9')?.source).toBe('ANNEX_A');
    expect(findMandatoryDocument('MD-nope')).toBeUndefined();
  });
});
