import { useEffect, useRef, useState } from 'react';
import {
  BACKDROP_KINDS,
  type BackdropKind,
  CROPS,
  type DraftVariantDto,
  type VariantParams,
} from '@shared/drafts/drafts.types';
import { describeLook } from '@shared/drafts/look-description';
import { BACKDROP_SWATCHES, STYLE_LABELS } from '@shared/drafts/style-presets';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';

const BACKDROP_LABELS: Record<BackdropKind, string> = {
  gradient: 'Studio gradient',
  solid: 'Solid colour',
  blur: 'Your background, blurred',
};

interface VariantCardProps {
  /** The newest finished rendering of this style. */
  shown: DraftVariantDto;
  /** True while a newer rendering of this style is on its way. */
  rendering: boolean;
  unlocked: boolean;
  selected: boolean;
  onSelect: () => void;
  onChange: (params: Partial<VariantParams>) => void;
  /** This is the look the comparison, the booking and the photographer's brief use. */
  chosen: boolean;
  choosing?: boolean;
  onChoose: () => void;
  /** Asks again for HD images that could not be made (an unlocked draft). */
  onRetryHd?: () => void;
  retryingHd?: boolean;
}

/** One style: the preview, downloads, and the controls that re-render it. */
export function VariantCard({
  shown,
  rendering,
  unlocked,
  selected,
  onSelect,
  onChange,
  chosen,
  choosing = false,
  onChoose,
  onRetryHd,
  retryingHd = false,
}: VariantCardProps) {
  const [params, setParams] = useState<VariantParams>(shown.params);
  const pending = useRef<Partial<VariantParams>>({});
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const style = STYLE_LABELS[shown.style];
  // The caption says what this image really is, not what the preset started as.
  const look = describeLook(shown.style, shown.params);

  useEffect(() => () => clearTimeout(timer.current), []);

  /** Updates the controls at once and re-renders after a short pause (sliders send many events). */
  const change = (patch: Partial<VariantParams>, delay = 450) => {
    setParams((p) => ({ ...p, ...patch }));
    pending.current = { ...pending.current, ...patch };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      onChange(pending.current);
      pending.current = {};
    }, delay);
  };

  const slider = (
    key: 'warmth' | 'brightness' | 'contrast' | 'retouch' | 'relight',
    label: string,
    min: number,
  ) => (
    <label className="control control--slider">
      <span>{label}</span>
      <input
        type="range"
        min={min}
        max={1}
        step={0.05}
        value={params[key]}
        onChange={(event) => change({ [key]: Number(event.target.value) })}
      />
    </label>
  );

  return (
    <Card
      className={['variant', selected && 'variant--selected', chosen && 'variant--chosen']
        .filter(Boolean)
        .join(' ')}
    >
      <div className="variant__head">
        <h3 className="variant__name">{look.title}</h3>
        <Badge tone="accent">AI draft</Badge>
      </div>
      <button
        type="button"
        className="variant__image-button"
        onClick={onSelect}
        aria-label={`Compare ${style.name} with your photo`}
      >
        <img
          className="variant__image"
          src={shown.previewUrl ?? undefined}
          alt={`${style.name} AI draft`}
          width={shown.width ?? undefined}
          height={shown.height ?? undefined}
        />
        {rendering ? (
          <span className="variant__busy" role="status">
            <Spinner size="sm" /> Re-rendering…
          </span>
        ) : null}
      </button>
      <p className="variant__description" data-testid="variant-look">
        {look.summary}.
      </p>
      <div className="variant__choice">
        {chosen ? (
          <Badge tone="success">Your chosen look</Badge>
        ) : (
          <Button variant="secondary" size="sm" loading={choosing} onClick={onChoose}>
            Use this look
          </Button>
        )}
        <span className="variant__choice-note">
          {chosen
            ? 'Used for the studio comparison and the photographer’s brief.'
            : 'For the studio comparison and the photographer’s brief.'}
        </span>
      </div>
      {shown.width && shown.height ? (
        <p className="variant__description" data-testid="variant-hd-size">
          HD: {shown.width} × {shown.height} px
          {unlocked ? null : ' — unlock to download'}
        </p>
      ) : null}
      <div className="variant__downloads">
        <a className="btn btn--secondary btn--sm" href={`${shown.previewUrl}&download=1`} download>
          Download preview
        </a>
        {unlocked ? <HdDownload shown={shown} onRetry={onRetryHd} retrying={retryingHd} /> : null}
      </div>

      <details className="variant__controls">
        <summary>Adjust this style</summary>
        <fieldset className="control">
          <legend>Backdrop</legend>
          <select
            aria-label={`${style.name} backdrop`}
            value={params.backdrop}
            onChange={(event) => change({ backdrop: event.target.value as BackdropKind }, 0)}
          >
            {BACKDROP_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {BACKDROP_LABELS[kind]}
              </option>
            ))}
          </select>
          {params.backdrop !== 'blur' ? (
            <div
              className="swatches"
              role="radiogroup"
              aria-label={`${style.name} backdrop colour`}
            >
              {BACKDROP_SWATCHES.map((colour) => (
                <button
                  key={colour}
                  type="button"
                  role="radio"
                  aria-checked={params.backdropColor === colour}
                  aria-label={`Backdrop ${colour}`}
                  className="swatch"
                  style={{ background: colour }}
                  onClick={() => change({ backdropColor: colour }, 0)}
                />
              ))}
              <label className="swatch swatch--custom" title="Any colour">
                <span className="visually-hidden">Any backdrop colour</span>
                <input
                  type="color"
                  value={params.backdropColor}
                  onChange={(event) => change({ backdropColor: event.target.value })}
                />
              </label>
            </div>
          ) : null}
        </fieldset>
        {slider('warmth', 'Warmth', -1)}
        {slider('brightness', 'Brightness', -1)}
        {slider('contrast', 'Contrast', -1)}
        {slider('retouch', 'Skin retouch', 0)}
        {slider('relight', 'Studio light', 0)}
        <fieldset className="control control--crop">
          <legend>Crop</legend>
          {CROPS.map((crop) => (
            <label key={crop}>
              <input
                type="radio"
                name={`${shown.id}-crop`}
                checked={params.crop === crop}
                onChange={() => change({ crop }, 0)}
              />{' '}
              {crop}
            </label>
          ))}
        </fieldset>
        <label className="control control--check">
          <input
            type="checkbox"
            checked={params.straighten}
            onChange={(event) => change({ straighten: event.target.checked }, 0)}
          />{' '}
          Straighten my head
        </label>
        <label className="control control--check">
          <input
            type="checkbox"
            checked={params.monochrome}
            onChange={(event) => change({ monochrome: event.target.checked }, 0)}
          />{' '}
          Black and white
        </label>
      </details>
    </Card>
  );
}

/** The HD download of an unlocked draft: made after the preview, so it may still be on its way. */
function HdDownload({
  shown,
  onRetry,
  retrying,
}: {
  shown: DraftVariantDto;
  onRetry?: () => void;
  retrying: boolean;
}) {
  if (shown.hdUrl) {
    return (
      <a className="btn btn--primary btn--sm" href={`${shown.hdUrl}&download=1`} download>
        Download HD
      </a>
    );
  }
  if (shown.hdStatus === 'queued' || shown.hdStatus === 'rendering') {
    return (
      <span className="variant__hd-status" role="status">
        <Spinner size="sm" /> Making the HD image…
      </span>
    );
  }
  return (
    <span className="variant__hd-status" role="alert">
      The HD image could not be made.{' '}
      {onRetry ? (
        <Button variant="secondary" size="sm" loading={retrying} onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </span>
  );
}
