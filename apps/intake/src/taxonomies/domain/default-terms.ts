/**
 * What a new network's taxonomies start with (issue "Intake", item 2: "seeded
 * with sensible defaults, extensible by organizers"): the vocabulary of
 * university alumni mentoring, for students and young graduates looking for a
 * job, a network or a skill (PRODUCT.md, lifecycle step 1). Organizers add
 * their own terms and relabel or retire these. Pure data.
 */
import type { TaxonomyKind } from '../../surveys/domain/question';
import { languageName } from './languages';
import type { Term } from './taxonomy-term';

/**
 * Bump when a release adds defaults: every network then receives the new
 * terms on its next access, and keeps what its organizers relabelled or retired.
 * Removing or renaming a default id is not possible (answers refer to it).
 */
export const DEFAULTS_VERSION = 1;

const SKILLS: readonly Term[] = [
  { id: 'accounting', label: 'Accounting' },
  { id: 'agile-methods', label: 'Agile methods' },
  { id: 'brand-management', label: 'Brand management' },
  { id: 'business-development', label: 'Business development' },
  { id: 'business-strategy', label: 'Business strategy' },
  { id: 'business-writing', label: 'Business writing' },
  { id: 'change-management', label: 'Change management' },
  { id: 'cloud-computing', label: 'Cloud computing' },
  { id: 'coaching', label: 'Coaching' },
  { id: 'consulting', label: 'Consulting' },
  { id: 'content-writing', label: 'Content writing' },
  { id: 'corporate-finance', label: 'Corporate finance' },
  { id: 'critical-thinking', label: 'Critical thinking' },
  { id: 'customer-success', label: 'Customer success' },
  { id: 'cv-writing', label: 'CV writing' },
  { id: 'cybersecurity', label: 'Cybersecurity' },
  { id: 'data-analysis', label: 'Data analysis' },
  { id: 'data-visualisation', label: 'Data visualisation' },
  { id: 'digital-marketing', label: 'Digital marketing' },
  { id: 'emotional-intelligence', label: 'Emotional intelligence' },
  { id: 'entrepreneurship', label: 'Entrepreneurship' },
  { id: 'excel', label: 'Excel' },
  { id: 'financial-modelling', label: 'Financial modelling' },
  { id: 'fundraising', label: 'Fundraising' },
  { id: 'graphic-design', label: 'Graphic design' },
  { id: 'human-resources', label: 'Human resources' },
  { id: 'intercultural-communication', label: 'Intercultural communication' },
  { id: 'interview-preparation', label: 'Interview preparation' },
  { id: 'investment-analysis', label: 'Investment analysis' },
  { id: 'leadership', label: 'Leadership' },
  { id: 'legal-research', label: 'Legal research' },
  { id: 'machine-learning', label: 'Machine learning' },
  { id: 'market-research', label: 'Market research' },
  { id: 'marketing', label: 'Marketing' },
  { id: 'negotiation', label: 'Negotiation' },
  { id: 'operations-management', label: 'Operations management' },
  { id: 'people-management', label: 'People management' },
  { id: 'personal-branding', label: 'Personal branding' },
  { id: 'policy-analysis', label: 'Policy analysis' },
  { id: 'problem-solving', label: 'Problem solving' },
  { id: 'product-management', label: 'Product management' },
  { id: 'professional-networking', label: 'Professional networking' },
  { id: 'project-management', label: 'Project management' },
  { id: 'public-speaking', label: 'Public speaking' },
  { id: 'python', label: 'Python' },
  { id: 'recruiting', label: 'Recruiting' },
  { id: 'research-methods', label: 'Research methods' },
  { id: 'sales', label: 'Sales' },
  { id: 'scientific-writing', label: 'Scientific writing' },
  { id: 'software-engineering', label: 'Software engineering' },
  { id: 'sql', label: 'SQL' },
  { id: 'statistics', label: 'Statistics' },
  { id: 'storytelling', label: 'Storytelling' },
  { id: 'supply-chain-management', label: 'Supply chain management' },
  { id: 'sustainability-strategy', label: 'Sustainability strategy' },
  { id: 'teaching', label: 'Teaching' },
  { id: 'time-management', label: 'Time management' },
  { id: 'ux-design', label: 'UX design' },
  { id: 'web-development', label: 'Web development' },
];

const INDUSTRIES: readonly Term[] = [
  { id: 'accounting-audit', label: 'Accounting and audit' },
  { id: 'aerospace-defence', label: 'Aerospace and defence' },
  { id: 'agriculture-food', label: 'Agriculture and food' },
  { id: 'architecture-construction', label: 'Architecture and construction' },
  { id: 'arts-culture', label: 'Arts and culture' },
  { id: 'automotive', label: 'Automotive' },
  { id: 'banking', label: 'Banking' },
  { id: 'consulting', label: 'Consulting' },
  { id: 'consumer-goods', label: 'Consumer goods' },
  { id: 'education', label: 'Education' },
  { id: 'energy-utilities', label: 'Energy and utilities' },
  { id: 'healthcare', label: 'Healthcare' },
  { id: 'insurance', label: 'Insurance' },
  { id: 'international-organisations', label: 'International organisations' },
  { id: 'investment-management', label: 'Investment management' },
  { id: 'legal-services', label: 'Legal services' },
  { id: 'manufacturing', label: 'Manufacturing' },
  { id: 'media-entertainment', label: 'Media and entertainment' },
  { id: 'non-profit', label: 'Non-profit and NGOs' },
  { id: 'pharma-biotech', label: 'Pharmaceuticals and biotech' },
  { id: 'public-sector', label: 'Public sector and government' },
  { id: 'real-estate', label: 'Real estate' },
  { id: 'research-academia', label: 'Research and academia' },
  { id: 'retail-ecommerce', label: 'Retail and e-commerce' },
  { id: 'software-internet', label: 'Software and internet' },
  { id: 'telecommunications', label: 'Telecommunications' },
  { id: 'tourism-hospitality', label: 'Tourism and hospitality' },
  { id: 'transport-logistics', label: 'Transport and logistics' },
];

const INTERESTS: readonly Term[] = [
  { id: 'artificial-intelligence', label: 'Artificial intelligence' },
  { id: 'arts', label: 'Arts' },
  { id: 'career-change', label: 'Career change' },
  { id: 'diversity-inclusion', label: 'Diversity and inclusion' },
  { id: 'entrepreneurship', label: 'Entrepreneurship' },
  { id: 'first-generation-students', label: 'First-generation students' },
  { id: 'freelancing', label: 'Freelancing' },
  { id: 'further-studies', label: 'Further studies and PhD' },
  { id: 'languages-cultures', label: 'Languages and cultures' },
  { id: 'leadership', label: 'Leadership' },
  { id: 'music', label: 'Music' },
  { id: 'personal-finance', label: 'Personal finance' },
  { id: 'public-policy', label: 'Public policy' },
  { id: 'reading-writing', label: 'Reading and writing' },
  { id: 'remote-work', label: 'Remote work' },
  { id: 'research', label: 'Research' },
  { id: 'social-impact', label: 'Social impact' },
  { id: 'sport', label: 'Sport' },
  { id: 'startups', label: 'Start-ups' },
  { id: 'sustainability', label: 'Sustainability and climate' },
  { id: 'technology-innovation', label: 'Technology and innovation' },
  { id: 'travel', label: 'Travel' },
  { id: 'volunteering', label: 'Volunteering' },
  { id: 'wellbeing', label: 'Well-being and mental health' },
  { id: 'women-in-leadership', label: 'Women in leadership' },
  { id: 'work-life-balance', label: 'Work–life balance' },
  { id: 'working-abroad', label: 'Working abroad' },
];

/** The languages most spoken in the networks' countries and by their international students. */
const LANGUAGE_CODES = [
  'ar', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es',
  'fa', 'fi', 'fr', 'he', 'hi', 'hr', 'hu', 'id', 'it', 'ja',
  'ko', 'lt', 'ms', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sk',
  'sl', 'sr', 'sv', 'sw', 'th', 'tr', 'uk', 'ur', 'vi', 'zh',
] as const;

const LANGUAGES: readonly Term[] = LANGUAGE_CODES.map((id) => {
  const label = languageName(id);
  // Only a runtime without CLDR data could get here; better to fail at start than to seed "undefined".
  if (label === undefined) throw new Error(`the runtime does not know the language ${id}`);
  return { id, label };
});

export const DEFAULT_TERMS: Readonly<Record<TaxonomyKind, readonly Term[]>> = {
  skills: SKILLS,
  industries: INDUSTRIES,
  interests: INTERESTS,
  languages: LANGUAGES,
};
