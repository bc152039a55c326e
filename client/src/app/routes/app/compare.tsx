import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { USE_CASES, type UseCase } from '@shared/compare/use-cases';
import { formatMoney } from '@shared/money';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { PageLoader, Spinner } from '@/components/ui/spinner';
import {
  comparisonSearchParams,
  useComparison,
  type ComparisonSearch,
} from '@/features/compare/api/get-comparison';
import { CompareControls } from '@/features/compare/components/compare-controls';
import { CompareError } from '@/features/compare/components/compare-error';
import { ComparisonView } from '@/features/compare/components/comparison-view';
import { useUnlockDraft } from '@/features/drafts/api/manage-draft';
import { describeError } from '@/lib/error-messages';
import { dayKeyIn, viewerTimeZone } from '@/lib/zoned-time';

function readSearch(params: URLSearchParams): ComparisonSearch {
  const useCase = params.get('useCase');
  return {
    useCase: USE_CASES.includes(useCase as UseCase) ? (useCase as UseCase) : 'profile',
    draftId: params.get('draftId') || undefined,
    city: params.get('city') || undefined,
    date: params.get('date') || undefined,
  };
}

/** AI draft or studio session (`/app/compare?draftId&useCase&city&date`), its own chunk. */
export default function CompareRoute() {
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const viewerZone = viewerTimeZone();
  const [today] = useState(() => dayKeyIn(Date.now(), viewerZone));
  const cityInput = useRef<HTMLInputElement>(null);
  // The browser's zone goes to the API only (not the URL): with no city, studios near the viewer.
  const comparison = useComparison({ ...search, viewerTimeZone: viewerZone });
  const onChange = (next: ComparisonSearch) =>
    setParams(comparisonSearchParams(next), { replace: true });

  return (
    <div className="app-page">
      <title>AI draft or studio session? · Lensbridge</title>
      <div className="app-page__header">
        <h1 className="page-title">AI draft or studio session?</h1>
        <p className="page-lead">
          {search.draftId
            ? 'Your draft next to studio sessions nearby: what each costs, how soon you have the final images, and what each is good for.'
            : 'An AI draft next to studio sessions nearby: what each costs, how soon you have the final images, and what each is good for.'}
        </p>
      </div>
      <CompareControls search={search} onChange={onChange} today={today} cityInputRef={cityInput} />
      {comparison.isPending ? (
        <PageLoader label="Comparing your options…" />
      ) : comparison.isError ? (
        <CompareError
          error={comparison.error}
          draftId={search.draftId}
          withoutDraft={() => onChange({ ...search, draftId: undefined })}
          onRetry={() => void comparison.refetch()}
          retrying={comparison.isFetching}
        />
      ) : (
        <>
          {comparison.isFetching ? <Spinner size="sm" label="Updating the comparison…" /> : null}
          <ComparisonView
            comparison={comparison.data}
            viewerZone={viewerZone}
            onChangeCity={() => cityInput.current?.focus()}
            aiAction={
              comparison.data.ai.draftId ? (
                <UnlockAction
                  draftId={comparison.data.ai.draftId}
                  unlocked={comparison.data.ai.unlocked}
                  priceCents={comparison.data.ai.hdUnlockPriceCents}
                  currency={comparison.data.ai.currency}
                />
              ) : (
                <ButtonLink to="/app/drafts">Try a free AI draft</ButtonLink>
              )
            }
          />
        </>
      )}
    </div>
  );
}

function UnlockAction(props: {
  draftId: string;
  unlocked: boolean;
  priceCents: number;
  currency: string;
}) {
  const queryClient = useQueryClient();
  const unlock = useUnlockDraft(props.draftId);
  if (props.unlocked) {
    return (
      <ButtonLink to={`/app/drafts/${props.draftId}`} variant="secondary">
        Download your HD draft
      </ButtonLink>
    );
  }
  return (
    <>
      <Button
        loading={unlock.isPending}
        onClick={() =>
          unlock.mutate(undefined, {
            onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['compare'] }),
          })
        }
      >
        {props.priceCents > 0
          ? `Unlock HD draft · ${formatMoney(props.priceCents, props.currency)}`
          : 'Unlock HD draft'}
      </Button>
      {unlock.isError ? <Alert tone="danger">{describeError(unlock.error)}</Alert> : null}
    </>
  );
}
