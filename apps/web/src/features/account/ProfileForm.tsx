import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/types/identity';
import { Button } from '../../components/Button';
import { MultiChoice } from '../../components/ChoiceGroup';
import { FormError } from '../../components/FormError';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import type { Language } from '../../i18n/i18n';
import { countryOptions, languageName, languageOptions, timeZoneOptions } from './profile-choices';
import { type ProfileChanges, useSaveProfile } from './use-save-profile';
import { useTaxonomy } from './use-taxonomy';

type Me = components['schemas']['MemberProfileResponse'];

const TEXTS = ['displayName', 'graduationYear', 'degree', 'industry', 'employer', 'city', 'country', 'timeZone', 'bio'] as const;
type Text = (typeof TEXTS)[number];
const FIELDS = [...TEXTS, 'languages'] as const;

type Draft = Record<Text, string> & { languages: string[] };

function draftOf(me: Me): Draft {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    displayName: me.displayName,
    graduationYear: text(me.graduationYear),
    degree: text(me.degree),
    industry: text(me.industry),
    employer: text(me.employer),
    city: text(me.city),
    country: text(me.country),
    timeZone: text(me.timeZone),
    bio: text(me.bio),
    languages: [...me.languages],
  };
}

/**
 * The whole profile as the service takes it: an empty field clears it; a
 * year that is not a number goes as typed, so the service says what is wrong
 * with it beside the field.
 */
export function changesOf(draft: Draft): ProfileChanges {
  const optional = (value: string) => (value.trim() === '' ? null : value);
  const year = draft.graduationYear.trim();
  return {
    displayName: draft.displayName,
    graduationYear: year === '' ? null : /^\d+$/.test(year) ? Number(year) : (year as unknown as number),
    degree: optional(draft.degree),
    industry: optional(draft.industry),
    employer: optional(draft.employer),
    city: optional(draft.city),
    country: optional(draft.country),
    timeZone: optional(draft.timeZone),
    languages: draft.languages,
    bio: optional(draft.bio),
  };
}

/**
 * The person's profile (their language is the header's switcher, saved
 * with the profile when they change it). Industries and languages are offered from the
 * network's taxonomies; the industry stays free text, as the service keeps
 * it. The languages listed stay on screen once unticked, until the page is
 * left, so a slip is undone with one tick.
 */
export function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [draft, setDraft] = useState<Draft>(() => draftOf(me));
  const [listed, setListed] = useState<string[]>(me.languages);
  const [adding, setAdding] = useState('');
  const industries = useTaxonomy('industries');
  const languages = useTaxonomy('languages');
  const save = useSaveProfile(FIELDS);
  const industryList = useId();
  const { problems } = save;

  const edit = (field: Text) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(changesOf(draft));
  };
  const addLanguage = () => {
    if (!adding) return;
    setListed((current) => (current.includes(adding) ? current : [...current, adding]));
    setDraft((current) => ({ ...current, languages: current.languages.includes(adding) ? current.languages : [...current.languages, adding] }));
    setAdding('');
  };
  const addable = languageOptions(
    (languages.data ?? []).map((term) => term.id).filter((code) => !listed.includes(code)),
    language,
  );
  const none = { value: '', label: t('profile.notGiven') };
  const countries = useMemo(() => countryOptions(language), [language]);
  const zones = useMemo(() => timeZoneOptions(me.timeZone), [me.timeZone]);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profile.section')}</h2>
      <p>{t('profile.email', { email: me.email })}</p>
      <FormError message={problems.general} />
      <TextField label={t('profile.displayName')} name="displayName" autoComplete="name" required value={draft.displayName} onChange={edit('displayName')} error={problems.fields.displayName} />
      <TextField label={t('profile.graduationYear')} name="graduationYear" inputMode="numeric" autoComplete="off" value={draft.graduationYear} onChange={edit('graduationYear')} error={problems.fields.graduationYear} />
      <TextField label={t('profile.degree')} name="degree" value={draft.degree} onChange={edit('degree')} error={problems.fields.degree} />
      <TextField label={t('profile.industry')} hint={t('profile.industryHint')} name="industry" list={industryList} autoComplete="off" value={draft.industry} onChange={edit('industry')} error={problems.fields.industry} />
      <datalist id={industryList}>
        {(industries.data ?? []).map((term) => (
          <option key={term.id} value={term.label} />
        ))}
      </datalist>
      <TextField label={t('profile.employer')} name="employer" autoComplete="organization" value={draft.employer} onChange={edit('employer')} error={problems.fields.employer} />
      <TextField label={t('profile.city')} name="city" autoComplete="address-level2" value={draft.city} onChange={edit('city')} error={problems.fields.city} />
      <SelectField label={t('profile.country')} name="country" options={[none, ...countries]} value={draft.country} onChange={edit('country')} error={problems.fields.country} />
      <SelectField
        label={t('profile.timeZone')}
        hint={t('profile.timeZoneHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
        name="timeZone"
        options={[none, ...zones]}
        value={draft.timeZone}
        onChange={edit('timeZone')}
        error={problems.fields.timeZone}
      />
      <MultiChoice
        label={t('profile.languages')}
        hint={listed.length === 0 ? t('profile.languagesNone') : t('profile.languagesHint')}
        choices={listed.map((code) => ({ value: code, label: languageName(code, language) }))}
        value={draft.languages}
        onChange={(chosen) => setDraft((current) => ({ ...current, languages: chosen }))}
        error={problems.fields.languages}
      />
      <div className="inline-add">
        <SelectField label={t('profile.addLanguage')} name="addLanguage" options={[{ value: '', label: t('profile.pickLanguage') }, ...addable]} value={adding} onChange={(event) => setAdding(event.target.value)} />
        <Button variant="secondary" onPress={addLanguage} isDisabled={!adding}>
          {t('profile.add')}
        </Button>
      </div>
      <TextArea label={t('profile.bio')} hint={t('profile.bioHint')} name="bio" value={draft.bio} onChange={edit('bio')} error={problems.fields.bio} />
      <p role="status" className="notice">
        {save.isSuccess ? t('profile.saved') : null}
      </p>
      <Button type="submit" isDisabled={save.isPending}>
        {save.isPending ? t('profile.saving') : t('profile.save')}
      </Button>
    </form>
  );
}
