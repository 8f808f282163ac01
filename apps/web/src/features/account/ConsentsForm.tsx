import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/types/identity';
import { useApi } from '../../app/session';
import { Button } from '../../components/Button';
import { MultiChoice } from '../../components/ChoiceGroup';
import { FormError } from '../../components/FormError';
import { QueryState } from '../../components/QueryState';
import { useSubmission } from '../../components/use-submission';
import type { MessageKey } from '../../i18n/fr';

type Consents = components['schemas']['ConsentsResponse'];
type Purpose = 'terms' | 'matching_data_processing' | 'emails';

const PURPOSES: Record<Purpose, MessageKey> = {
  terms: 'consents.terms',
  matching_data_processing: 'consents.matching',
  emails: 'consents.emails',
};

/** The purposes whose decision differs from what is recorded; one never decided counts as differing, so saving records it. */
export function decisionsToRecord(current: Consents['current'], granted: readonly string[]): { purpose: Purpose; granted: boolean }[] {
  return current
    .filter((consent) => Object.hasOwn(PURPOSES, consent.purpose) && consent.granted !== granted.includes(consent.purpose))
    .map((consent) => ({ purpose: consent.purpose as Purpose, granted: granted.includes(consent.purpose) }));
}

function ConsentChoices({ consents }: { consents: Consents }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [granted, setGranted] = useState<string[]>(consents.current.filter((consent) => consent.granted).map((consent) => consent.purpose));
  const submission = useSubmission(
    [],
    async (decisions: { purpose: Purpose; granted: boolean }[]) => {
      // One decision at a time: each is its own record in the history, and a refusal stops the rest.
      let last = null;
      for (const decision of decisions) {
        last = await api.PUT('/v1/users/me/consents/{purpose}', { params: { path: { purpose: decision.purpose } }, body: { granted: decision.granted } });
        if (!last.response.ok) return last;
      }
      return last ?? api.GET('/v1/users/me/consents');
    },
    { onSuccess: (saved) => saved && queryClient.setQueryData(['consents'], saved) },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    submission.mutate(decisionsToRecord(consents.current, granted));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t('consents.section')}</h2>
      <FormError message={submission.problems.general} />
      <MultiChoice
        label={t('consents.label')}
        hint={t('consents.hint')}
        choices={consents.current.filter((consent) => Object.hasOwn(PURPOSES, consent.purpose)).map((consent) => ({ value: consent.purpose, label: t(PURPOSES[consent.purpose as Purpose]) }))}
        value={granted}
        onChange={setGranted}
      />
      <p role="status" className="notice">
        {submission.isSuccess ? t('consents.saved') : null}
      </p>
      <Button type="submit" isDisabled={submission.isPending}>
        {submission.isPending ? t('consents.saving') : t('consents.save')}
      </Button>
    </form>
  );
}

/** What the person agrees to; every decision is recorded, so the history shows what was agreed and when. */
export function ConsentsForm() {
  const api = useApi();
  const consents = useQuery({
    queryKey: ['consents'],
    queryFn: async () => {
      const { data, error } = await api.GET('/v1/users/me/consents');
      if (!data) throw new Error(error?.message ?? 'no consents');
      return data;
    },
  });
  if (!consents.data) return <QueryState status={consents.isError ? 'error' : 'pending'} onRetry={() => void consents.refetch()} />;
  return <ConsentChoices consents={consents.data} />;
}
