import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../app/session';
import { bodyOf, refusalOf } from '../../components/api-calls';
import { Button } from '../../components/Button';
import { MultiChoice } from '../../components/ChoiceGroup';
import { FormError } from '../../components/FormError';
import { NO_PROBLEMS, type Problems, problemsOf } from '../../components/form-problems';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { MAIL_CATEGORIES, type MailCategory, notificationKeys, type Preferences, usePreferences } from './notifications-api';

/** Which optional mail the person gets, and in which language; the notifications in the application stay whatever they choose. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  if (!preferences.data) return <QueryState status={preferences.isError ? 'error' : 'pending'} onRetry={() => void preferences.refetch()} />;
  return (
    <Page title={t('preferences.title')} width="narrow">
      <p>{t('preferences.intro')}</p>
      <PreferencesForm saved={preferences.data} />
      <p>
        <Link to="/notifications">{t('notifications.title')}</Link>
      </p>
    </Page>
  );
}

const FIELDS = ['language', ...MAIL_CATEGORIES.map((category) => `email.${category}`)];

function PreferencesForm({ saved }: { saved: Preferences }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState(saved.language ?? '');
  const [mailed, setMailed] = useState<string[]>(MAIL_CATEGORIES.filter((category) => saved.email[category]));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const save = useMutation({
    mutationFn: () =>
      bodyOf(
        api.PUT('/v1/notifications/preferences', {
          body: {
            language: language === 'fr' || language === 'en' ? language : null,
            email: Object.fromEntries(MAIL_CATEGORIES.map((category) => [category, mailed.includes(category)])) as Record<MailCategory, boolean>,
          },
        }),
      ),
    onSuccess: (answer) => queryClient.setQueryData(notificationKeys.preferences, answer),
    onError: (error) => setProblems(problemsOf(refusalOf(error), FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    save.mutate();
  };
  const categoryProblem = MAIL_CATEGORIES.map((category) => problems.fields[`email.${category}`]).find(Boolean);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="page-title">
      <FormError message={problems.general} />
      <MultiChoice
        label={t('preferences.categories')}
        hint={t('preferences.categoriesHint')}
        choices={MAIL_CATEGORIES.map((category) => ({ value: category, label: t(`preferences.category.${category}`) }))}
        value={mailed}
        onChange={setMailed}
        error={categoryProblem}
      />
      <SelectField
        label={t('preferences.language')}
        name="language"
        value={language}
        onChange={(event) => setLanguage(event.target.value)}
        options={[
          { value: '', label: t('preferences.language.account') },
          { value: 'fr', label: t('preferences.language.fr') },
          { value: 'en', label: t('preferences.language.en') },
        ]}
        error={problems.fields.language}
      />
      <Button type="submit" isDisabled={save.isPending}>
        {save.isPending ? t('preferences.saving') : t('preferences.save')}
      </Button>
      <p role="status">{save.isSuccess ? t('preferences.saved') : ''}</p>
    </form>
  );
}
