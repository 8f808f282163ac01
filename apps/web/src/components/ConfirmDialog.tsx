import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/**
 * Asks before what cannot be undone (erasing an account, cancelling a
 * session). React Aria's modal: focus moves in, stays in, and returns to the
 * trigger; Escape cancels.
 */
export function ConfirmDialog({
  trigger,
  title,
  body,
  confirm,
  cancel,
  onConfirm,
  variant = 'danger',
}: {
  trigger: string;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  variant?: 'primary' | 'danger';
}) {
  const { i18n } = useTranslation();
  return (
    <DialogTrigger>
      <Button variant={variant === 'danger' ? 'danger' : 'secondary'}>{trigger}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog" lang={i18n.language}>
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                <p>{body}</p>
                <div className="dialog-actions">
                  <Button variant="secondary" onPress={close}>
                    {cancel}
                  </Button>
                  <Button
                    variant={variant}
                    onPress={() => {
                      close();
                      onConfirm();
                    }}
                  >
                    {confirm}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
