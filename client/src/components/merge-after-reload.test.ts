import { describe, expect, it } from 'vitest';
import { mergeAfterReload } from './merge-after-reload';

describe('merging a stale form with the latest version', () => {
  const base = { title: 'Backup policy', owner: 'tom', tags: ['a'] };
  it('keeps what I typed, takes their changes elsewhere, and names the fields we both changed', () => {
    const mine = { title: 'Backup policy v2', owner: 'tom', tags: ['a'] };
    const latest = { title: 'Backup policy (draft)', owner: 'priya', tags: ['a', 'b'] };
    expect(mergeAfterReload(base, mine, latest, ['title', 'owner', 'tags'])).toEqual({
      merged: { title: 'Backup policy v2', owner: 'priya', tags: ['a', 'b'] },
      theirs: { title: 'Backup policy (draft)' },
    });
  });

  it('reports nothing when we made the same change', () => {
    const same = { ...base, title: 'Same' };
    expect(mergeAfterReload(base, same, same, ['title', 'owner', 'tags']).theirs).toEqual({});
  });
});
