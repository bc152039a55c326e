import type { ReactNode } from 'react';
import type { AiOptionDto, ComparisonFinding } from '@shared/compare/compare.types';
import { describeLook } from '@shared/drafts/look-description';
import { formatMoney } from '@shared/money';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';

const FINDING_STATUS: Record<ComparisonFinding['status'], string> = {
  pass: 'Passed',
  warn: 'Could be better',
  fail: 'Problem',
};

/** The AI draft as an option: preview, price, speed, quality findings and its limits. */
export function AiOptionCard({ ai, action }: { ai: AiOptionDto; action?: ReactNode }) {
  // The caption describes the shown variant's own parameters (the look the client chose).
  const look = ai.style && ai.params ? describeLook(ai.style, ai.params) : null;
  return (
    <Card as="section" className="cmp-ai" aria-labelledby="cmp-ai-title">
      <div className="cmp-option__head">
        <h2 id="cmp-ai-title" className="cmp-section-title">
          AI draft
        </h2>
        {ai.unlocked ? <Badge tone="success">HD unlocked</Badge> : null}
      </div>

      <div className="cmp-ai__preview">
        {ai.previewUrl ? (
          <img
            src={ai.previewUrl}
            alt={`Your AI draft${look ? `, ${look.title} look` : ''}`}
            width={ai.width ?? undefined}
            height={ai.height ?? undefined}
          />
        ) : (
          <p className="cmp-ai__no-preview">Upload a photo to see your own draft here.</p>
        )}
        <span className="cmp-ai__stamp">AI-generated</span>
      </div>
      {look ? (
        <p className="cmp-ai__look" data-testid="ai-look">
          <strong>{look.title}:</strong> {look.summary}.
        </p>
      ) : null}

      <dl className="cmp-facts">
        <div>
          <dt>Preview</dt>
          <dd>Free</dd>
        </div>
        <div>
          <dt>HD images</dt>
          <dd>
            {ai.hdUnlockPriceCents > 0 ? formatMoney(ai.hdUnlockPriceCents, ai.currency) : 'Free'}
            <span className="cmp-facts__note">{ai.priceNote}</span>
          </dd>
        </div>
        <div>
          <dt>Ready in</dt>
          <dd>{ai.turnaroundLabel}</dd>
        </div>
        <div>
          <dt>Resolution</dt>
          <dd>{ai.resolutionLabel}</dd>
        </div>
        <div>
          <dt>Usage</dt>
          <dd>{ai.usageRights}</dd>
        </div>
        <div>
          <dt>Credibility</dt>
          <dd>{ai.credibility}</dd>
        </div>
      </dl>

      {ai.quality ? (
        <div className="cmp-ai__quality">
          <h3 className="cmp-subtitle">Quality check of your photo</h3>
          <p className="text-sm text-muted">
            {ai.quality.passed} passed · {ai.quality.warned} could be better · {ai.quality.failed}{' '}
            problem{ai.quality.failed === 1 ? '' : 's'}
          </p>
          {ai.quality.findings.length ? (
            <ul className="cmp-findings">
              {ai.quality.findings.map((finding) => (
                <li key={finding.label} className={`cmp-finding cmp-finding--${finding.status}`}>
                  <p>
                    <strong>{finding.label}</strong>{' '}
                    <span className="cmp-finding__status">({FINDING_STATUS[finding.status]})</span>{' '}
                    — {finding.measured}
                  </p>
                  {finding.fix ? (
                    <p className="cmp-finding__fix">
                      <span className="cmp-finding__fix-label">The AI can&apos;t fix this:</span>{' '}
                      {finding.fix}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <div>
        <h3 className="cmp-subtitle">What the AI can&apos;t do</h3>
        <ul className="cmp-list">
          {ai.limits.map((limit) => (
            <li key={limit}>{limit}</li>
          ))}
        </ul>
      </div>

      <p className="cmp-ai__label">
        <Badge tone="accent">AI-generated</Badge> {ai.aiLabel}
      </p>
      {action ? <div className="cmp-option__actions">{action}</div> : null}
    </Card>
  );
}
