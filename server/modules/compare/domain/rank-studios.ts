import type { StudioOptionDto } from '../../../../shared/compare/compare.types';
import type { UseCase } from '../../../../shared/compare/use-cases';
import { countOf, listOf, ordinal } from '../../../../shared/compare/wording';
import { formatPrice } from '../../../../shared/money';
import { fittingStyle, MIN_MINUTES, styleName, USE_CASE_NOUN } from './use-case-fit';

/*
 * The order of the studio options, and why each sits where it does. One rule, in this order:
 * a package with a free time before one without; a photographer whose style suits the use case
 * before one whose does not; a session long enough for the use case before a short one; the
 * currency most options share before others (prices in different currencies are not compared);
 * then cheaper (what you would pay for the use case's images), then sooner final images, then
 * the better rating. Each option's reason names the criterion that placed it and what it trades.
 */

export type UnrankedStudioOption = Omit<StudioOptionDto, 'rank' | 'rankReason'>;

interface Context {
  useCase: UseCase;
  /** The currency most options are priced in. */
  currency: string;
  /** The options shown, for "cheapest" and "soonest". */
  shown: UnrankedStudioOption[];
}

interface Criterion {
  /** < 0 when `a` ranks above `b` on this criterion alone, > 0 when below, 0 when level. */
  order(a: UnrankedStudioOption, b: UnrankedStudioOption, ctx: Context): number;
  /** What `a` has over `b` here, as a phrase about `a`. */
  ahead(a: UnrankedStudioOption, b: UnrankedStudioOption, ctx: Context): string;
  /** What `a` gives up against `b` here. */
  behind(a: UnrankedStudioOption, b: UnrankedStudioOption, ctx: Context): string;
}

const name = (o: UnrankedStudioOption) => o.photographer.displayName;
const price = (o: UnrankedStudioOption) => formatPrice(o.payableCents, o.currency);
const days = (o: UnrankedStudioOption) => o.daysToFinal ?? Number.POSITIVE_INFINITY;
const fitsStyle = (o: UnrankedStudioOption, ctx: Context) =>
  fittingStyle(ctx.useCase, o.photographer.styles) !== null;
const longEnough = (o: UnrankedStudioOption, ctx: Context) =>
  o.package.durationMinutes >= MIN_MINUTES[ctx.useCase];
/** 0 for the preferred side of a yes/no criterion, 1 for the other. */
const first = (yes: boolean) => (yes ? 0 : 1);

const freeTime: Criterion = {
  order: (a, b) => first(a.earliestSlot !== null) - first(b.earliestSlot !== null),
  ahead: () => 'it has a free time to book',
  behind: () => 'no free time in the next weeks',
};

const style: Criterion = {
  order: (a, b, ctx) => first(fitsStyle(a, ctx)) - first(fitsStyle(b, ctx)),
  ahead: (a, _b, ctx) =>
    `works in the ${styleName(fittingStyle(ctx.useCase, a.photographer.styles)!)} style, which suits ${USE_CASE_NOUN[ctx.useCase]}`,
  behind: (_a, _b, ctx) => `lists no style that suits ${USE_CASE_NOUN[ctx.useCase]}`,
};

const session: Criterion = {
  order: (a, b, ctx) => first(longEnough(a, ctx)) - first(longEnough(b, ctx)),
  ahead: (a, _b, ctx) =>
    `its ${a.package.durationMinutes}-minute session is long enough for ${USE_CASE_NOUN[ctx.useCase]}`,
  behind: (a, _b, ctx) =>
    `its ${a.package.durationMinutes}-minute session is short for ${USE_CASE_NOUN[ctx.useCase]} (${MIN_MINUTES[ctx.useCase]} minutes suggested)`,
};

const currency: Criterion = {
  order: (a, b, ctx) =>
    first(a.currency === ctx.currency) - first(b.currency === ctx.currency) ||
    a.currency.localeCompare(b.currency),
  ahead: (a) => `priced in ${a.currency}, like most options here`,
  behind: (a, b) => `priced in ${a.currency}, so not compared on price with the ${b.currency} ones`,
};

const cost: Criterion = {
  order: (a, b) => (a.currency === b.currency ? a.payableCents - b.payableCents : 0),
  ahead: (a, b, ctx) =>
    ctx.shown.every((o) => o.currency !== a.currency || o.payableCents >= a.payableCents)
      ? `cheapest for ${USE_CASE_NOUN[ctx.useCase]} (${price(a)})`
      : `cheaper than ${name(b)} (${price(a)} against ${price(b)})`,
  behind: (a, b) =>
    `${formatPrice(a.payableCents - b.payableCents, a.currency)} more than ${name(b)}`,
};

const sooner: Criterion = {
  order: (a, b) => (days(a) === days(b) ? 0 : days(a) < days(b) ? -1 : 1),
  ahead: (a, _b, ctx) =>
    ctx.shown.every((o) => days(o) >= days(a))
      ? `the soonest final images (in ${countOf(a.daysToFinal!, 'day')})`
      : `sooner (final images in ${countOf(a.daysToFinal!, 'day')})`,
  behind: (a) =>
    a.daysToFinal === null
      ? 'no date yet for the final images'
      : `${countOf(a.daysToFinal, 'day')} to the final images`,
};

const rating: Criterion = {
  order: (a, b) => (b.photographer.rating.average ?? 0) - (a.photographer.rating.average ?? 0),
  ahead: (a) => `better rated (★ ${a.photographer.rating.average!.toFixed(1)})`,
  behind: (a) =>
    a.photographer.rating.average === null
      ? 'not rated yet'
      : `rated lower (★ ${a.photographer.rating.average.toFixed(1)})`,
};

const CRITERIA: Criterion[] = [freeTime, style, session, currency, cost, sooner, rating];

function byRule(ctx: Context) {
  return (a: UnrankedStudioOption, b: UnrankedStudioOption): number => {
    for (const criterion of CRITERIA) {
      const order = criterion.order(a, b, ctx);
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** The currency most options are priced in (the first seen wins a tie). */
function mainCurrency(options: UnrankedStudioOption[]): string {
  const counts = new Map<string, number>();
  for (const o of options) counts.set(o.currency, (counts.get(o.currency) ?? 0) + 1);
  let best = options[0]?.currency ?? '';
  for (const [code, count] of counts) if (count > (counts.get(best) ?? 0)) best = code;
  return best;
}

/** The best package per photographer, best first, the first `shown` of them, each with its reason. */
export function rankStudios(
  options: UnrankedStudioOption[],
  useCase: UseCase,
  shown: number,
): StudioOptionDto[] {
  const ctx: Context = { useCase, currency: mainCurrency(options), shown: [] };
  const ordered = [...options].sort(byRule(ctx));
  const seen = new Set<string>();
  const best = ordered.filter((o) => {
    if (seen.has(o.photographer.id)) return false;
    seen.add(o.photographer.id);
    return true;
  });
  ctx.shown = best.slice(0, shown);
  return ctx.shown.map((option, index) => ({
    ...option,
    rank: index + 1,
    rankReason: rankReason(ctx.shown, index, ctx),
  }));
}

function rankReason(list: UnrankedStudioOption[], index: number, ctx: Context): string {
  const option = list[index]!;
  const body =
    list.length === 1
      ? 'the only studio package found for this search'
      : index === 0
        ? whyAhead(option, list[1]!, ctx)
        : whyBehind(option, list[index - 1]!, ctx);
  return `Ranked ${ordinal(index + 1)}: ${body}.${locationNote(option)}`;
}

/** The first option: what puts it above the second, and the first thing it gives up for that. */
function whyAhead(option: UnrankedStudioOption, next: UnrankedStudioOption, ctx: Context): string {
  const decisive = CRITERIA.findIndex((c) => c.order(option, next, ctx) < 0);
  if (decisive === -1) return `level with ${name(next)} on every count`;
  const lead = CRITERIA[decisive]!.ahead(option, next, ctx);
  const tradeOff = CRITERIA.slice(decisive + 1).find((c) => c.order(option, next, ctx) > 0);
  return tradeOff ? `${lead}, though ${tradeOff.behind(option, next, ctx)}` : lead;
}

/** Any other: what it has over the one above, but what puts it below. */
function whyBehind(
  option: UnrankedStudioOption,
  above: UnrankedStudioOption,
  ctx: Context,
): string {
  const decisive = CRITERIA.findIndex((c) => c.order(above, option, ctx) < 0);
  if (decisive === -1) return `level with ${name(above)} on every count`;
  const loss = CRITERIA[decisive]!.behind(option, above, ctx);
  const gains = CRITERIA.slice(decisive + 1)
    .filter((c) => c.order(option, above, ctx) < 0)
    .slice(0, 2)
    .map((c) => c.ahead(option, above, ctx));
  return gains.length ? `${listOf(gains)}, but ${loss}` : loss;
}

function locationNote(option: UnrankedStudioOption): string {
  if (option.package.location !== 'on_location') return '';
  return option.travelFeeCents > 0
    ? ` On location: the price includes ${formatPrice(option.travelFeeCents, option.currency)} travel.`
    : ' On location, with no travel fee.';
}
