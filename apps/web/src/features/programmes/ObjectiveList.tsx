import { useTranslation } from 'react-i18next';
import type { Objective } from './programme-api';

/** A programme's objectives in words. */
export function ObjectiveList({ objectives }: { objectives: readonly Objective[] }) {
  const { t } = useTranslation();
  return (
    <ul className="tag-list" aria-label={t('programmes.objectives')}>
      {objectives.map((objective) => (
        <li key={objective} className="tag">
          {t(`programmes.objective.${objective}`)}
        </li>
      ))}
    </ul>
  );
}
