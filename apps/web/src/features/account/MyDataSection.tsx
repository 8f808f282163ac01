import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../app/session';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/FormError';
import { useSubmission } from '../../components/use-submission';

const EXPORT_FILE = 'passerelle-identity-export.json';

/** Hands the browser a file to save, as a link to it would. */
function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** A copy of what the network holds about the person, saved as a JSON file. */
function DownloadMyData() {
  const { t } = useTranslation();
  const api = useApi();
  const download = useMutation({
    mutationFn: async () => {
      const { data, response } = await api.GET('/v1/users/me/export', { parseAs: 'blob' });
      if (!data) throw new Error(`export answered ${response.status}`);
      saveFile(data as Blob, EXPORT_FILE);
    },
  });
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('myData.exportSection')}</h2>
      <p>{t('myData.exportIntro')}</p>
      <p className="form-error" role="alert">
        {download.isError ? t('myData.exportFailed') : null}
      </p>
      <p role="status" className="notice">
        {download.isSuccess ? t('myData.exported') : null}
      </p>
      <Button variant="secondary" onPress={() => download.mutate()} isDisabled={download.isPending}>
        {download.isPending ? t('myData.exporting') : t('myData.export')}
      </Button>
    </section>
  );
}

/** Erasing the account, once confirmed: the person is signed out and the login page says it is done. */
function EraseAccount() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const erasure = useSubmission([], () => api.DELETE('/v1/users/me'), {
    // The login page closes the session, and says why.
    onSuccess: () => navigate('/login?notice=erased', { replace: true, state: { closeSession: true } }),
  });
  return (
    <section aria-labelledby="erase-heading">
      <h2 id="erase-heading">{t('erase.section')}</h2>
      <p>{t('erase.intro')}</p>
      <FormError message={erasure.problems.general} />
      {erasure.isPending ? (
        <p role="status">{t('erase.erasing')}</p>
      ) : (
        <ConfirmDialog trigger={t('erase.trigger')} title={t('erase.title')} body={t('erase.body')} confirm={t('erase.confirm')} cancel={t('erase.cancel')} onConfirm={() => erasure.mutate(undefined)} />
      )}
    </section>
  );
}

export function MyDataSection() {
  return (
    <>
      <DownloadMyData />
      <EraseAccount />
    </>
  );
}
