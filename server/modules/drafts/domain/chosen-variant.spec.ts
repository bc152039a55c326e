import { chosenVariant, defaultVariant, type VariantLike } from './chosen-variant';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const aVariant = (over: Partial<VariantLike> & { id: string }): VariantLike => ({
  style: 'professional',
  status: 'ready',
  createdAt: at(0),
  ...over,
});

const initial = [
  aVariant({ id: 'relaxed-0', style: 'relaxed' }),
  aVariant({ id: 'creative-0', style: 'creative' }),
  aVariant({ id: 'pro-0', style: 'professional' }),
];

describe(defaultVariant.name, () => {
  it('takes the professional look made at upload', () => {
    const adjusted = aVariant({ id: 'pro-1', createdAt: at(5) });
    expect(defaultVariant([...initial, adjusted])?.id).toBe('pro-0');
  });

  it('falls back to creative, then relaxed, when the professional look is not ready', () => {
    const noPro = [
      initial[0]!,
      initial[1]!,
      aVariant({ id: 'pro-0', style: 'professional', status: 'failed' }),
    ];
    expect(defaultVariant(noPro)?.id).toBe('creative-0');
    expect(defaultVariant([initial[0]!])?.id).toBe('relaxed-0');
    expect(defaultVariant([])).toBeNull();
  });
});

describe(chosenVariant.name, () => {
  const whiteSquare = aVariant({ id: 'pro-white', createdAt: at(5) });

  it.each([
    ['nothing chosen: the professional look', null, [...initial, whiteSquare], 'pro-0'],
    ['the adjusted variant once ready', 'pro-white', [...initial, whiteSquare], 'pro-white'],
    ['a picked creative look', 'creative-0', [...initial, whiteSquare], 'creative-0'],
    [
      'while the adjustment renders: the newest ready one of its style',
      'pro-next',
      [
        ...initial,
        whiteSquare,
        aVariant({ id: 'pro-next', status: 'rendering', createdAt: at(9) }),
      ],
      'pro-white',
    ],
    [
      'a failed adjustment: the default',
      'pro-broken',
      [...initial, whiteSquare, aVariant({ id: 'pro-broken', status: 'failed', createdAt: at(9) })],
      'pro-0',
    ],
    ['a removed variant: the default', 'gone', [...initial], 'pro-0'],
  ])('%s', (_name, chosenId, variants, expected) => {
    expect(chosenVariant(chosenId, variants)?.id).toBe(expected);
  });

  it('takes a queued creative adjustment’s ready predecessor, not the professional look', () => {
    const variants = [
      ...initial,
      aVariant({ id: 'creative-1', style: 'creative', createdAt: at(3) }),
      aVariant({ id: 'creative-2', style: 'creative', status: 'queued', createdAt: at(7) }),
    ];
    expect(chosenVariant('creative-2', variants)?.id).toBe('creative-1');
  });
});
