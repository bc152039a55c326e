import { useState } from 'react';
import type { PackageDto } from '@shared/photographers/photographers.types';
import { formatPrice } from '@shared/money';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from 'sonner';
import { describeError } from '@/lib/error-messages';
import { useSetPackageActive } from '../api/my-packages';
import { PackageForm } from './package-form';

/**
 * The photographer's packages: add, edit, pause (deactivate, asked first, with Undo) and offer
 * again. The list keeps one order (by name) whatever is edited or paused, so nothing jumps.
 */
export function PackagesEditor({ packages }: { packages: PackageDto[] }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [pausing, setPausing] = useState<PackageDto | null>(null);
  const toggle = useSetPackageActive();
  const defaultCurrency = packages[0]?.currency ?? 'EUR';
  const sorted = [...packages].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const setActive = (pkg: PackageDto, active: boolean, onDone?: () => void) =>
    toggle.mutate(
      { id: pkg.id, active },
      {
        onSuccess: () => {
          onDone?.();
          if (active) {
            toast.success(`${pkg.name} is offered again.`);
            return;
          }
          toast.success(`${pkg.name} is paused: clients can no longer book it.`, {
            action: { label: 'Undo', onClick: () => setActive(pkg, true) },
          });
        },
        onError: () => onDone?.(),
      },
    );

  return (
    <div className="stack">
      {toggle.isError ? (
        <Alert tone="danger" title="That did not work">
          {describeError(toggle.error)}
        </Alert>
      ) : null}
      {editing === 'new' ? (
        <Card padding="lg" className="stack">
          <h2 className="studio-card__title">New package</h2>
          <PackageForm
            pkg={null}
            defaultCurrency={defaultCurrency}
            onDone={() => setEditing(null)}
          />
        </Card>
      ) : (
        <div>
          <Button onClick={() => setEditing('new')}>Add a package</Button>
        </div>
      )}
      {sorted.length === 0 && editing !== 'new' ? (
        <p className="text-muted">No packages yet. Clients can book you once you offer one.</p>
      ) : null}
      <ul className="studio-list" aria-label="Your packages">
        {sorted.map((pkg) => (
          <li key={pkg.id}>
            <Card className="stack" data-inactive={!pkg.active || undefined}>
              {editing === pkg.id ? (
                <>
                  <h2 className="studio-card__title">Edit {pkg.name}</h2>
                  <PackageForm
                    pkg={pkg}
                    defaultCurrency={defaultCurrency}
                    onDone={() => setEditing(null)}
                  />
                </>
              ) : (
                <div className="studio-package">
                  <div className="studio-package__text">
                    <h2 className="studio-card__title">
                      {pkg.name}{' '}
                      {pkg.active ? <Badge tone="success">Offered</Badge> : <Badge>Paused</Badge>}
                    </h2>
                    <p className="text-sm">
                      <strong>
                        {pkg.priceCents === 0
                          ? 'Free session'
                          : formatPrice(pkg.priceCents, pkg.currency)}
                      </strong>{' '}
                      · {pkg.durationMinutes} min · {pkg.includedImages} images · delivered in{' '}
                      {pkg.deliveryDays} days ·{' '}
                      {pkg.location === 'studio'
                        ? 'studio'
                        : `on location (+${formatPrice(pkg.travelFeeCents, pkg.currency)} travel)`}
                      {pkg.depositCents > 0
                        ? ` · deposit ${formatPrice(pkg.depositCents, pkg.currency)}`
                        : ' · no deposit'}
                    </p>
                  </div>
                  <div className="studio-package__actions">
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`Edit ${pkg.name}`}
                      onClick={() => setEditing(pkg.id)}
                    >
                      Edit
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={pkg.active ? `Pause ${pkg.name}` : `Offer ${pkg.name} again`}
                      loading={toggle.isPending && toggle.variables?.id === pkg.id}
                      onClick={() => (pkg.active ? setPausing(pkg) : setActive(pkg, true))}
                    >
                      {pkg.active ? 'Pause' : 'Offer again'}
                    </Button>
                  </div>
                </div>
              )}
            </Card>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={pausing !== null}
        title={`Pause ${pausing?.name ?? 'this package'}?`}
        confirmLabel="Pause the package"
        cancelLabel="Keep offering it"
        pending={toggle.isPending}
        onClose={() => setPausing(null)}
        onConfirm={() => pausing && setActive(pausing, false, () => setPausing(null))}
      >
        <p>
          Clients can no longer find or book it. Sessions already booked stay as they are, and you
          can offer it again at any time.
        </p>
      </ConfirmDialog>
    </div>
  );
}
