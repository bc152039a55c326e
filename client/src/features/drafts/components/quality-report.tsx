import type { CheckStatus, QualityReport } from '@shared/drafts/drafts.types';
import { Card } from '@/components/ui/card';

const STATUS: Record<CheckStatus, { label: string; path: string }> = {
  pass: { label: 'Passed', path: 'M8.5 13.6 4.9 10l-1.4 1.4 5 5 9-9-1.4-1.4z' },
  warn: { label: 'Could be better', path: 'M9 4h2v8H9zm0 10h2v2H9z' },
  fail: {
    label: 'Problem',
    path: 'm14.6 4-4.6 4.6L5.4 4 4 5.4 8.6 10 4 14.6 5.4 16l4.6-4.6 4.6 4.6 1.4-1.4-4.6-4.6L16 5.4z',
  },
};

function StatusIcon({ status }: { status: CheckStatus }) {
  return (
    <span
      className={`check-icon check-icon--${status}`}
      role="img"
      aria-label={STATUS[status].label}
    >
      <svg viewBox="0 0 20 20" aria-hidden="true">
        <path fill="currentColor" d={STATUS[status].path} />
      </svg>
    </span>
  );
}

/** Every check with what was measured and what to do, then the verdict per use case. */
export function QualityReportView({ report }: { report: QualityReport }) {
  const problems = report.checks.filter((c) => c.status !== 'pass').length;
  return (
    <div className="report">
      <Card padding="lg">
        <h2 className="section-title">Quality report</h2>
        <p className="section-lead">
          {problems === 0
            ? 'Your photo passes every check.'
            : `${problems} thing${problems === 1 ? '' : 's'} to know. The AI can change the backdrop, light and framing — not your pose, focus or where you look.`}{' '}
          Eye contact is judged for{' '}
          {report.gazePreference === 'direct' ? 'direct eye contact' : 'a slightly averted look'}.
        </p>
        <ul className="checks">
          {report.checks.map((check) => (
            <li key={check.id} className={`check check--${check.status}`}>
              <StatusIcon status={check.status} />
              <div>
                <p className="check__label">
                  {check.label}
                  <span className="check__measured"> — {check.measured}</span>
                </p>
                {check.fix ? <p className="check__fix">{check.fix}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card padding="lg">
        <h2 className="section-title">Good enough for…?</h2>
        <ul className="verdicts">
          {report.verdicts.map((v) => (
            <li key={v.useCase} className={`verdict verdict--${v.verdict}`}>
              <p className="verdict__use">{v.label}</p>
              <p className="verdict__answer">
                {v.verdict === 'ai_ok' ? 'AI draft is enough' : 'Book a studio session'}
              </p>
              <p className="verdict__reason">{v.reason}</p>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
