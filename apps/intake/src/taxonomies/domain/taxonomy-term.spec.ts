import { byLabel, deriveTermId, resolveLabel, resolveNewTerm, TERM_ID_ISSUE, termIdIssue } from './taxonomy-term';

describe('taxonomy terms', () => {
  describe('deriveTermId', () => {
    it('turns a label into a tag', () => {
      expect(deriveTermId('Public speaking')).toBe('public-speaking');
      expect(deriveTermId('  UX / UI design!  ')).toBe('ux-ui-design');
      expect(deriveTermId('Économie sociale et solidaire')).toBe('economie-sociale-et-solidaire');
      expect(deriveTermId('Straße & Ärger')).toBe('strasse-arger');
      expect(deriveTermId('Łódź, Ørsted, Œuvre')).toBe('lodz-orsted-oeuvre');
      expect(deriveTermId('ﬁnance Ⅳ')).toBe('finance-iv');
      expect(deriveTermId('C++')).toBe('c');
      expect(deriveTermId('snake_case name')).toBe('snake-case-name');
    });

    it('is empty when nothing latin is left', () => {
      expect(deriveTermId('日本語')).toBe('');
      expect(deriveTermId('—')).toBe('');
    });

    it('cuts at 64 characters without a trailing separator', () => {
      const id = deriveTermId(`${'a'.repeat(63)} b and more`);
      expect(id).toBe('a'.repeat(63));
      expect(deriveTermId('word '.repeat(30)).length).toBeLessThanOrEqual(64);
      expect(deriveTermId('word '.repeat(30))).toMatch(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/);
    });
  });

  describe('termIdIssue', () => {
    it('accepts tags and refuses anything else', () => {
      expect(termIdIssue('skills', 'public-speaking')).toBeNull();
      expect(termIdIssue('skills', 'c_sharp')).toBeNull();
      expect(termIdIssue('skills', 'a'.repeat(64))).toBeNull();
      for (const bad of ['', 'Public', 'public speaking', '-x', 'x-', 'a--b', 'a-_b', 'é', 'a'.repeat(65)]) {
        expect(termIdIssue('interests', bad)).toBe(TERM_ID_ISSUE);
      }
    });

    it('wants an ISO 639-1 code for a language', () => {
      expect(termIdIssue('languages', 'eu')).toBeNull();
      expect(termIdIssue('languages', 'xx')).toBe('is not an ISO 639-1 language code');
      expect(termIdIssue('languages', 'basque')).toMatch(/two lowercase letters/);
    });
  });

  describe('resolveNewTerm', () => {
    it('derives the id from the label and tidies the label', () => {
      expect(resolveNewTerm('skills', { label: '  Prompt   engineering ' })).toEqual({ ok: true, value: { id: 'prompt-engineering', label: 'Prompt engineering' } });
      expect(resolveNewTerm('industries', { id: 'gaming', label: 'Video games' })).toEqual({ ok: true, value: { id: 'gaming', label: 'Video games' } });
    });

    it('reports every problem by field', () => {
      expect(resolveNewTerm('skills', {})).toEqual({ ok: false, problems: [{ path: 'label', issue: 'is required' }] });
      expect(resolveNewTerm('skills', { id: 'Bad Id', label: '   ' })).toEqual({
        ok: false,
        problems: [
          { path: 'label', issue: 'must not be empty' },
          { path: 'id', issue: TERM_ID_ISSUE },
        ],
      });
      expect(resolveNewTerm('skills', { id: 'ok' })).toEqual({ ok: false, problems: [{ path: 'label', issue: 'is required' }] });
      expect(resolveNewTerm('skills', { label: 'x'.repeat(101) })).toEqual({ ok: false, problems: [{ path: 'label', issue: 'must be at most 100 characters' }] });
      expect(resolveNewTerm('skills', { label: 'bell\u0007' })).toEqual({
        ok: false,
        problems: [{ path: 'label', issue: 'must not contain control or unassigned characters' }],
      });
      expect(resolveNewTerm('interests', { label: '日本語' })).toEqual({
        ok: false,
        problems: [{ path: 'id', issue: 'is required: the label has no latin letter or digit to derive it from' }],
      });
      expect(resolveNewTerm('interests', { id: 'nihongo', label: '日本語' })).toEqual({ ok: true, value: { id: 'nihongo', label: '日本語' } });
    });

    it('counts characters, not UTF-16 units, against the label limit', () => {
      expect(resolveNewTerm('interests', { id: 'emoji', label: '🎻'.repeat(100) }).ok).toBe(true);
    });

    it('names a language by its code, with its English name as the default label', () => {
      expect(resolveNewTerm('languages', { id: 'eu' })).toEqual({ ok: true, value: { id: 'eu', label: 'Basque' } });
      expect(resolveNewTerm('languages', { id: 'eu', label: 'Euskara' })).toEqual({ ok: true, value: { id: 'eu', label: 'Euskara' } });
      expect(resolveNewTerm('languages', { label: 'basque' })).toEqual({ ok: true, value: { id: 'eu', label: 'basque' } });
      expect(resolveNewTerm('languages', { id: 'xx' })).toEqual({ ok: false, problems: [{ path: 'id', issue: 'is not an ISO 639-1 language code' }] });
      expect(resolveNewTerm('languages', { label: 'Euskara' })).toEqual({
        ok: false,
        problems: [{ path: 'id', issue: 'is required: "Euskara" is not the English name of an ISO 639-1 language' }],
      });
      expect(resolveNewTerm('languages', {})).toEqual({ ok: false, problems: [{ path: 'id', issue: 'is required unless label is the English name of a language' }] });
    });

    it('never borrows a language name for another kind', () => {
      expect(resolveNewTerm('skills', { id: 'en' })).toEqual({ ok: false, problems: [{ path: 'label', issue: 'is required' }] });
    });
  });

  it('checks a new label like a new term’s', () => {
    expect(resolveLabel(' Data  storytelling ')).toEqual({ ok: true, value: 'Data storytelling' });
    expect(resolveLabel('')).toEqual({ ok: false, problems: [{ path: 'label', issue: 'must not be empty' }] });
  });

  it('sorts by label as people read, then by id', () => {
    const terms = [
      { id: 'b', label: 'économie' },
      { id: 'c', label: 'Zoology' },
      { id: 'a', label: 'Economics' },
      { id: 'e', label: 'item 10' },
      { id: 'd', label: 'item 9' },
      { id: 'f', label: 'apple' },
      { id: 'g', label: 'Apple' },
    ];
    expect([...terms].sort(byLabel).map((t) => t.id)).toEqual(['f', 'g', 'a', 'b', 'd', 'e', 'c']);
  });
});
