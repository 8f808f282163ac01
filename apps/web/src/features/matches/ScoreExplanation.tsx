import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type MatchScore, reasonsOf, rulesOf } from './match-explanation';

/** Why a pair was proposed: a sentence per criterion, its points beside it, then the programme's rules the pair meets. */
export function ScoreExplanation({ score }: { score: MatchScore }) {
  const { t } = useTranslation();
  const id = useId();
  const rules = rulesOf(score);
  return (
    <section aria-labelledby={`${id}-why`}>
      <h3 id={`${id}-why`}>{t('matches.why.heading')}</h3>
      <p>{t('matches.why.total', { points: score.total, max: score.maxTotal })}</p>
      <ul>
        {reasonsOf(score).map((reason) => (
          <li key={reason.criterion}>
            {t(reason.sentence)} <span className="field-hint">({t('matches.why.points', { points: reason.points, max: reason.maxPoints })})</span>
          </li>
        ))}
      </ul>
      {rules.length > 0 && (
        <>
          <h4 id={`${id}-rules`}>{t('matches.rules.heading')}</h4>
          <ul aria-labelledby={`${id}-rules`}>
            {rules.map((rule) => (
              <li key={rule.constraint}>{t(rule.sentence)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
