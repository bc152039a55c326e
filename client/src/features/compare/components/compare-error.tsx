import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/error-messages';
import { describeCompareProblem } from './compare-errors';

interface CompareErrorProps {
  error: unknown;
  draftId: string | undefined;
  /** Compares again without the draft (when the draft is the problem). */
  withoutDraft: () => void;
  /** Asks the server again: most failures (network, 5xx, a draft still rendering) pass. */
  onRetry: () => void;
  retrying: boolean;
}

/** Why the comparison failed, with a retry where one can help and the ways out. */
export function CompareError({
  error,
  draftId,
  withoutDraft,
  onRetry,
  retrying,
}: CompareErrorProps) {
  const problem = describeCompareProblem(error);
  return (
    <Alert tone="danger" title={problem?.title ?? "We couldn't compare the options"}>
      <p>{problem?.text ?? describeError(error)}</p>
      {(problem?.retryable ?? true) ? (
        <p>
          <Button variant="secondary" size="sm" loading={retrying} onClick={onRetry}>
            Try again
          </Button>
        </p>
      ) : null}
      <p className="cmp-error__links">
        {problem?.aboutDraft && draftId ? (
          <>
            <Link to="/app/drafts">Back to your drafts</Link> ·{' '}
          </>
        ) : null}
        {draftId ? (
          <button type="button" className="cmp-link-button" onClick={withoutDraft}>
            Compare without a draft
          </button>
        ) : (
          <Link to="/app/drafts">Back to your drafts</Link>
        )}
      </p>
    </Alert>
  );
}
