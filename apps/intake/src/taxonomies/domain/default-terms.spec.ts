import { TAXONOMY_KINDS } from '../../surveys/domain/question';
import { DEFAULT_TERMS } from './default-terms';
import { labelIssue, normalizeLabel, termIdIssue } from './taxonomy-term';

describe('default taxonomy terms', () => {
  it('has a sensible vocabulary of each kind', () => {
    expect(DEFAULT_TERMS.skills.length).toBeGreaterThanOrEqual(40);
    expect(DEFAULT_TERMS.skills.length).toBeLessThanOrEqual(60);
    expect(DEFAULT_TERMS.industries.length).toBeGreaterThanOrEqual(25);
    expect(DEFAULT_TERMS.interests.length).toBeGreaterThanOrEqual(25);
    expect(DEFAULT_TERMS.languages).toHaveLength(40);
    const skills = DEFAULT_TERMS.skills.map((t) => t.id);
    for (const id of ['data-analysis', 'python', 'public-speaking', 'negotiation', 'project-management', 'financial-modelling', 'ux-design', 'leadership']) {
      expect(skills).toContain(id);
    }
  });

  it('names languages by ISO 639-1 code with their English name', () => {
    expect(DEFAULT_TERMS.languages).toEqual(
      expect.arrayContaining([
        { id: 'en', label: 'English' },
        { id: 'fr', label: 'French' },
        { id: 'de', label: 'German' },
        { id: 'ar', label: 'Arabic' },
        { id: 'zh', label: 'Chinese' },
      ]),
    );
    // Left out on purpose, so an organizer of a Basque university has something to add.
    expect(DEFAULT_TERMS.languages.map((t) => t.id)).not.toContain('eu');
  });

  it.each(TAXONOMY_KINDS)('%s: every term passes the rules an organizer’s term must pass, ids and labels unique', (kind) => {
    const terms = DEFAULT_TERMS[kind];
    for (const term of terms) {
      expect({ id: term.id, issue: termIdIssue(kind, term.id) }).toEqual({ id: term.id, issue: null });
      expect(labelIssue(term.label)).toBeNull();
      expect(normalizeLabel(term.label)).toBe(term.label);
    }
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
    // The database keeps labels unique regardless of case (one term per thing).
    expect(new Set(terms.map((t) => t.label.toLowerCase())).size).toBe(terms.length);
  });
});
