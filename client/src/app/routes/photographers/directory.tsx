import { useSearchParams } from 'react-router';
import { PHOTO_STYLES, type PhotoStyle } from '@shared/photographers/photographers.types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  type DirectorySearch,
  usePhotographers,
} from '@/features/photographers/api/list-photographers';
import { DirectoryFilters } from '@/features/photographers/components/directory-filters';
import {
  PhotographerCard,
  PhotographerCardSkeleton,
} from '@/features/photographers/components/photographer-card';
import { describeError } from '@/lib/error-messages';
import { dayKeyIn, viewerTimeZone } from '@/lib/zoned-time';
import { PublicFrame } from './public-frame';

const PAGE_SIZE = 12;
const SORT_VALUES = ['earliest', 'price', 'rating'] as const;

/** The URL is the state: filters survive reloads, links and the back button. */
function searchFrom(params: URLSearchParams): DirectorySearch {
  const style = params.get('style');
  const sort = params.get('sort');
  const price = Number(params.get('maxPriceCents'));
  const page = Number(params.get('page'));
  const date = params.get('date');
  return {
    city: params.get('city') || undefined,
    style: PHOTO_STYLES.includes(style as PhotoStyle) ? (style as PhotoStyle) : undefined,
    maxPriceCents:
      params.get('maxPriceCents') && Number.isInteger(price) && price >= 0 ? price : undefined,
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    sort: SORT_VALUES.includes(sort as (typeof SORT_VALUES)[number])
      ? (sort as DirectorySearch['sort'])
      : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function paramsFrom(search: DirectorySearch): Record<string, string> {
  return Object.fromEntries(
    Object.entries(search)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)]),
  );
}

export function DirectoryRoute() {
  const [params, setParams] = useSearchParams();
  const search = searchFrom(params);
  const viewerZone = viewerTimeZone();
  const list = usePhotographers({ ...search, pageSize: PAGE_SIZE });
  const page = search.page ?? 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const change = (next: DirectorySearch) => setParams(paramsFrom(next));

  return (
    <PublicFrame>
      <div className="pub-page">
        <title>Find a photographer · Lensbridge</title>
        <div className="pub-page__header">
          <p className="eyebrow">Studio sessions</p>
          <h1 className="page-title">Find a photographer</h1>
          <p className="page-lead">
            Approved photographers, their prices and their next free times — shown in your time zone
            ({viewerZone}).
          </p>
        </div>
        <DirectoryFilters
          search={search}
          onChange={change}
          today={dayKeyIn(new Date(), viewerZone)}
        />
        {list.isError ? (
          <Alert tone="danger" title="Could not load photographers">
            <p>{describeError(list.error)}</p>
            <Button variant="secondary" size="sm" onClick={() => void list.refetch()}>
              Try again
            </Button>
          </Alert>
        ) : null}
        {list.isPending ? (
          <ul className="pg-grid" aria-label="Loading photographers" aria-busy="true">
            {Array.from({ length: 6 }, (_, i) => (
              <li key={i}>
                <PhotographerCardSkeleton />
              </li>
            ))}
          </ul>
        ) : null}
        {list.data ? (
          <section aria-label="Photographers" aria-busy={list.isPlaceholderData || undefined}>
            <p className="pub-page__count" role="status">
              {list.data.total === 0
                ? 'No photographers match'
                : `${list.data.total} photographer${list.data.total === 1 ? '' : 's'}`}
            </p>
            {list.data.items.length ? (
              <ul className="pg-grid" data-stale={list.isPlaceholderData || undefined}>
                {list.data.items.map((p) => (
                  <li key={p.id}>
                    <PhotographerCard photographer={p} viewerZone={viewerZone} />
                  </li>
                ))}
              </ul>
            ) : (
              <div className="pub-empty">
                <h2 className="pub-empty__title">No photographers match these filters</h2>
                <p className="text-muted">
                  Try another date or city, raise the price limit, or clear the filters to see
                  everyone.
                </p>
                <Button variant="secondary" onClick={() => change({ sort: search.sort })}>
                  Clear filters
                </Button>
              </div>
            )}
            {pages > 1 ? (
              <nav className="pub-pager" aria-label="Pages">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={page <= 1}
                  onClick={() => change({ ...search, page: page - 1 })}
                >
                  ← Previous
                </Button>
                <span>
                  Page {page} of {pages}
                </span>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={page >= pages}
                  onClick={() => change({ ...search, page: page + 1 })}
                >
                  Next →
                </Button>
              </nav>
            ) : null}
          </section>
        ) : null}
      </div>
    </PublicFrame>
  );
}
