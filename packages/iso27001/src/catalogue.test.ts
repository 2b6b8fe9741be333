import { describe, expect, it } from 'vitest';
import { CLAUSES, findClause } from './index.js';

describe('ISO/IEC 27001:2022 clauses', () => {
  it('has unique, well-formed references from 4.1 to 10.2, including 6.3', () => {
    const refs = CLAUSES.map((c) => c.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const ref of refs) expect(ref).toMatch(/^(4|5|6|7|8|9|10)\.\d(\.\d)?$/);
    expect(refs[0]).toBe('4.1');
    expect(refs.at(-1)).toBe('10.2');
    expect(findClause('6.3')?.title).toBe('Planning of changes');
  });
});
