import type { PackageDto } from '@shared/photographers/photographers.types';
import { formatPrice } from '@shared/money';
import './photographers.css';

/** The facts of a package a client compares: time, price, deposit, images, delivery, place. */
export function PackageFacts({ pkg }: { pkg: PackageDto }) {
  const money = (cents: number) => formatPrice(cents, pkg.currency);
  return (
    <ul className="pg-package__facts">
      <li>{durationLabel(pkg.durationMinutes)}</li>
      <li>
        {pkg.includedImages} retouched image{pkg.includedImages === 1 ? '' : 's'}
        {pkg.extraImagePriceCents > 0 ? `, extra ones ${money(pkg.extraImagePriceCents)} each` : ''}
      </li>
      <li>
        Delivered in {pkg.deliveryDays} day{pkg.deliveryDays === 1 ? '' : 's'}
      </li>
      <li>
        {pkg.location === 'studio'
          ? 'At the studio'
          : `At your location${pkg.travelFeeCents > 0 ? ` + ${money(pkg.travelFeeCents)} travel fee` : ''}`}
      </li>
      <li>
        {pkg.depositCents > 0
          ? `Deposit ${money(pkg.depositCents)}${pkg.deposit.kind === 'percent' ? ` (${pkg.deposit.percent} %)` : ''}`
          : 'No deposit'}
      </li>
    </ul>
  );
}

export function durationLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** The active packages as large radio cards. */
export function PackagePicker({
  packages,
  selectedId,
  onSelect,
}: {
  packages: PackageDto[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const active = packages.filter((pkg) => pkg.active);
  if (active.length === 0) {
    return <p className="text-muted">This photographer has no packages on offer right now.</p>;
  }
  return (
    <fieldset className="pg-packages">
      <legend className="visually-hidden">Package</legend>
      {active.map((pkg) => {
        return (
          <label
            key={pkg.id}
            className="pg-package"
            data-selected={pkg.id === selectedId || undefined}
          >
            <input
              type="radio"
              name="package"
              value={pkg.id}
              checked={pkg.id === selectedId}
              onChange={() => onSelect(pkg.id)}
              className="pg-package__input"
            />
            <span className="pg-package__head">
              <span className="pg-package__name">{pkg.name}</span>
              <span className="pg-package__price">
                {pkg.priceCents === 0 ? 'Free' : formatPrice(pkg.priceCents, pkg.currency)}
              </span>
            </span>
            {pkg.description ? (
              <span className="pg-package__description">{pkg.description}</span>
            ) : null}
            <PackageFacts pkg={pkg} />
          </label>
        );
      })}
    </fieldset>
  );
}
