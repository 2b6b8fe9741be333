import { describe, expect, it } from 'vitest';
import { gapItemScore, gapPriority, gapScore } from './gap-rules.js';
import { ACTION_ROLES, ROLES, actionsOf, checkOwnersRemain, checkPassword, checkRoleAssignment, isRole, isValidEmail, normalizeEmail, roleCan } from './index.js';

describe('roles and actions', () => {
  it('has the six roles of the contract', () => {
    expect(ROLES).toEqual(['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR', 'EMPLOYEE']);
    expect(isRole('OWNER')).toBe(true);
    expect(isRole('ROOT')).toBe(false);
  });

  it('denies by default: unknown actions and missing roles are never allowed', () => {
    expect(roleCan('OWNER', 'everything:do')).toBe(false);
    expect(roleCan(null, 'organization:read')).toBe(false);
  });

  it('gives owners every action and names actions module:verb', () => {
    for (const action of Object.keys(ACTION_ROLES)) {
      expect(action).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
      expect(roleCan('OWNER', action)).toBe(true);
    }
    expect(actionsOf('EMPLOYEE')).not.toContain('auditTrail:read');
    expect(actionsOf('AUDITOR')).toContain('auditTrail:read');
    expect(roleCan('ISMS_MANAGER', 'organization:delete')).toBe(false);
  });
});

describe('membership rules', () => {
  it('lets only owners give, change or remove the owner role', () => {
    expect(checkRoleAssignment('OWNER', 'OWNER', 'EMPLOYEE')).toBeNull();
    expect(checkRoleAssignment('ISMS_MANAGER', null, 'OWNER')).toBe('ONLY_OWNER_MANAGES_OWNERS');
    expect(checkRoleAssignment('ISMS_MANAGER', 'OWNER', 'EMPLOYEE')).toBe('ONLY_OWNER_MANAGES_OWNERS');
    expect(checkRoleAssignment('ISMS_MANAGER', 'EMPLOYEE', 'CONTRIBUTOR')).toBeNull();
  });

  it('keeps at least one owner', () => {
    expect(checkOwnersRemain(1, 'OWNER', 'EMPLOYEE')).toBe('LAST_OWNER');
    expect(checkOwnersRemain(1, 'OWNER', null)).toBe('LAST_OWNER');
    expect(checkOwnersRemain(2, 'OWNER', null)).toBeNull();
    expect(checkOwnersRemain(1, 'EMPLOYEE', null)).toBeNull();
  });
});

describe('password policy', () => {
  it.each([
    ['short', 'TOO_SHORT'],
    ['x'.repeat(300), 'TOO_LONG'],
    ['password1234', 'TOO_COMMON'],
    ['Password1234', 'TOO_COMMON'],
    ['abababababab', 'TOO_COMMON'],
    ['Correct-Horse-Battery-9', null],
  ])('%s → %s', (password, problem) => {
    expect(checkPassword(password)).toBe(problem);
  });

  it('refuses a password that is little more than the e-mail name', () => {
    expect(checkPassword('margaret.h2024', { email: 'margaret.h@example.com' })).toBe('TOO_COMMON');
  });

  it('validates and normalises e-mail addresses', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(isValidEmail('ada@example.com')).toBe(true);
    expect(isValidEmail('ada@example')).toBe(false);
    expect(isValidEmail('ada example.com')).toBe(false);
  });
});

describe('gap scores', () => {
  it('scores items and leaves out what does not apply', () => {
    expect(gapItemScore({ status: 'IMPLEMENTED', maturity: null })).toBe(100);
    expect(gapItemScore({ status: 'NOT_STARTED', maturity: 3 })).toBe(0);
    expect(gapItemScore({ status: 'PARTIAL', maturity: 0 })).toBe(10);
    expect(gapItemScore({ status: 'PARTIAL', maturity: 5 })).toBe(90);
    expect(gapItemScore({ status: 'PARTIAL', maturity: null })).toBe(50);
    expect(gapItemScore({ status: 'NOT_APPLICABLE', maturity: 5 })).toBeNull();
    expect(gapScore([{ status: 'IMPLEMENTED', maturity: null }, { status: 'NOT_STARTED', maturity: null }, { status: 'NOT_APPLICABLE', maturity: null }])).toBe(50);
    expect(gapScore([{ status: 'NOT_APPLICABLE', maturity: null }])).toBeNull();
    expect(gapPriority({ status: 'NOT_STARTED', maturity: null })).toBe('HIGH');
    expect(gapPriority({ status: 'PARTIAL', maturity: 4 })).toBe('LOW');
  });
});

describe('risk rules', () => {
  it('scores, levels, acceptance and rescaling', async () => {
    const { DEFAULT_RISK_MATRIX: m, riskLevel, needsOwnerAcceptance, rescale, checkRiskMatrix } = await import('./risk-rules.js');
    expect([riskLevel(5, m), riskLevel(6, m), riskLevel(10, m), riskLevel(16, m), riskLevel(17, m)]).toEqual(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'CRITICAL']);
    expect(needsOwnerAcceptance({ treatment: 'MITIGATE', residualScore: 6, inherentScore: 20 }, m)).toBe(false);
    expect(needsOwnerAcceptance({ treatment: 'MITIGATE', residualScore: 12, inherentScore: 20 }, m)).toBe(true);
    expect(needsOwnerAcceptance({ treatment: 'ACCEPT', residualScore: 2, inherentScore: 2 }, m)).toBe(true);
    expect([rescale(5, 5, 4), rescale(1, 5, 4), rescale(3, 5, 10)]).toEqual([4, 1, 6]);
    expect(checkRiskMatrix({ ...m, acceptanceThreshold: 25 })).toBe('THRESHOLD');
    expect(checkRiskMatrix({ ...m, impactLabels: ['a', 'b'] })).toBe('SIZE');
    expect(checkRiskMatrix(m)).toBeNull();
  });
});
