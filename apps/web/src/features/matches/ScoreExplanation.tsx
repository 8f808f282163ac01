import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n/fr';
import { type MatchScore, reasonsOf, rulesOf } from './match-explanation';

/**
 * Why a pair was proposed: a sentence per criterion, its points beside it,
 * then the programme's rules the pair meets. `level` is its heading's, one
 * below the card it sits in.
 */
export function ScoreExplanation({ score, level, heading = 'matches.why.heading' }: { score: MatchScore; level: 3 | 4; heading?: MessageKey }) {
  const Heading = `h${level}` as const;
  const Subheading = `h${level + 1}` as 'h4' | 'h5';
  const { t } = useTranslation();
  const id = useId();
  const rules = rulesOf(score);
  return (
    <section aria-labelledby={`${id}-why`}>
      <Heading id={`${id}-why`}>{t(heading)}</Heading>
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
          <Subheading id={`${id}-rules`}>{t('matches.rules.heading')}</Subheading>
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
