import { useEffect, useRef, type ReactNode } from 'react';
import type { CredentialsReport, CredentialsSigner } from '@shared/provenance/provenance.types';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { describeAction, describeRelationship, describeSourceType } from './credentials-wording';

const HEADLINES: Record<CredentialsReport['status'], { title: string; tone: BadgeTone }> = {
  valid: { title: 'Valid Content Credentials', tone: 'success' },
  invalid: { title: 'The Content Credentials do not check out', tone: 'danger' },
  none: { title: 'No Content Credentials', tone: 'neutral' },
};

const MEANINGS: Record<CredentialsReport['status'], string> = {
  valid:
    'The signature and every check pass: the image has not changed since its credentials were signed, so what they say below is what the signer recorded.',
  invalid:
    'The image carries credentials, but they fail a check: it was probably changed after it was signed, or the credentials are damaged. Do not rely on what they say.',
  none: 'This image carries no Content Credentials. That does not mean it is fake or made by AI: most images have none, and many apps remove them when they save or share a file.',
};

/** What one image's credentials say: a headline, its meaning in plain words, then the details. */
export function CredentialsResult({
  report,
  fileName,
}: {
  report: CredentialsReport;
  fileName: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // A new answer moves focus here, so keyboard and screen reader users land on the verdict.
  useEffect(() => heading.current?.focus(), [report]);
  const headline = HEADLINES[report.status];

  return (
    <Card
      as="section"
      padding="lg"
      className={`cr cr--${report.status}`}
      aria-labelledby="cr-title"
    >
      <p className="cr__file">{fileName}</p>
      <h2 id="cr-title" ref={heading} tabIndex={-1} className="cr__title">
        <StatusIcon status={report.status} />
        {headline.title}
      </h2>
      <p className="cr__meaning">{MEANINGS[report.status]}</p>

      {report.status === 'invalid' && report.problems.length > 0 ? (
        <div className="cr__problems">
          <h3 className="cr__subtitle">What failed</h3>
          <ul>
            {report.problems.map((p) => (
              <li key={p.code}>
                {p.explanation} <code className="cr__code">{p.code}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {report.status !== 'none' ? <CredentialsDetails report={report} /> : null}
    </Card>
  );
}

function CredentialsDetails({ report }: { report: CredentialsReport }) {
  const aiAction = report.actions.find((a) => a.digitalSourceType);
  return (
    <>
      <h3 className="cr__subtitle">What the credentials say</h3>
      <dl className="cr__facts">
        <Fact term="Signed by">
          <SignerText signer={report.signer} trusted={report.trusted} />
        </Fact>
        {report.title ? <Fact term="Title">{report.title}</Fact> : null}
        {report.claimGenerator ? <Fact term="Written by">{report.claimGenerator}</Fact> : null}
        <Fact term="AI-generated">
          {report.aiGenerated ? (
            <>
              <Badge tone="warn">Yes</Badge> {aiSentence(report)}
            </>
          ) : (
            <>
              <Badge>No</Badge>{' '}
              {aiAction?.digitalSourceType
                ? `The credentials describe it as ${describeSourceType(aiAction.digitalSourceType)}.`
                : 'The credentials do not say it was made or changed by AI.'}
            </>
          )}
        </Fact>
        {report.actions.length > 0 ? (
          <Fact term="What was done">
            <ol className="cr__list">
              {report.actions.map((a, i) => (
                <li key={i}>
                  <strong>{describeAction(a.action)}</strong>
                  {a.softwareAgent ? ` with ${a.softwareAgent}` : ''}
                  {a.digitalSourceType ? ` — ${describeSourceType(a.digitalSourceType)}` : ''}
                  {a.description ? <span className="cr__muted">{a.description}</span> : null}
                </li>
              ))}
            </ol>
          </Fact>
        ) : null}
        {report.authors.length > 0 ? (
          <Fact term={report.authors.length === 1 ? 'Author' : 'Authors'}>
            {report.authors.join(', ')}
          </Fact>
        ) : null}
        {report.copyright ? <Fact term="Copyright">{report.copyright}</Fact> : null}
        {report.licence ? <Fact term="Licence">{report.licence}</Fact> : null}
        {report.ingredients.length > 0 ? (
          <Fact term="Made from">
            <ul className="cr__list">
              {report.ingredients.map((ing, i) => (
                <li key={i}>
                  <strong>{ing.title ?? 'An image'}</strong>
                  {ing.relationship ? ` — ${describeRelationship(ing.relationship)}` : ''}
                  <span className="cr__muted">
                    {ing.hasCredentials
                      ? 'It had Content Credentials of its own (for example the camera’s); they are kept inside these.'
                      : 'It had no Content Credentials of its own.'}
                  </span>
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
      </dl>
    </>
  );
}

function aiSentence(report: CredentialsReport): string {
  const type = report.actions.find((a) => a.digitalSourceType)?.digitalSourceType;
  return type
    ? `Made or changed by AI: ${describeSourceType(type)}.`
    : 'Made or changed by AI, the credentials say.';
}

function SignerText({ signer, trusted }: { signer?: CredentialsSigner; trusted: boolean }) {
  const name =
    [signer?.commonName, signer?.organisation].filter(Boolean).join(', ') || 'An unnamed signer';
  return (
    <>
      {name}
      {signer?.ours ? ' (this site)' : ''}
      {signer?.development ? (
        <span className="cr__trust">
          <Badge tone="warn">Development certificate</Badge> Not trusted by other readers: this
          server signs with a certificate it made itself, so other apps show the signer as untrusted
          even though the signature and the image’s hashes check out.
        </span>
      ) : !trusted ? (
        <span className="cr__trust">
          <Badge tone="warn">Not on a trust list</Badge> The signature checks out, but the
          certificate is not on a trust list this site knows, so who signed cannot be confirmed.
        </span>
      ) : null}
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="cr__fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function StatusIcon({ status }: { status: CredentialsReport['status'] }) {
  const d =
    status === 'valid'
      ? 'M10 1.667a8.333 8.333 0 1 0 0 16.666 8.333 8.333 0 0 0 0-16.666Zm3.923 6.756-4.5 4.5a.833.833 0 0 1-1.179 0l-2.167-2.167a.833.833 0 1 1 1.179-1.179l1.577 1.578 3.911-3.911a.833.833 0 1 1 1.179 1.179Z'
      : status === 'invalid'
        ? 'M10 1.667a8.333 8.333 0 1 0 0 16.666 8.333 8.333 0 0 0 0-16.666Zm0 12.5a.833.833 0 1 1 0-1.667.833.833 0 0 1 0 1.667Zm.833-3.75a.833.833 0 0 1-1.666 0V6.25a.833.833 0 1 1 1.666 0v4.167Z'
        : 'M10 1.667a8.333 8.333 0 1 0 0 16.666 8.333 8.333 0 0 0 0-16.666Zm-4.167 7.5h8.334a.833.833 0 0 1 0 1.666H5.833a.833.833 0 0 1 0-1.666Z';
  return (
    <svg className="cr__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={d} />
    </svg>
  );
}
