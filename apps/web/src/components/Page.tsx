import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A page of the application: its title names the browser tab, and its
 * heading takes the focus when the page opens, so that a screen reader
 * announces where a link led and the keyboard starts from there.
 */
export function Page({ title, actions, children, width = 'wide' }: { title: string; actions?: ReactNode; children: ReactNode; width?: 'narrow' | 'wide' }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className={`page page-${width}`} aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </section>
  );
}
