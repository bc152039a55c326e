import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STYLE_PRESET_PARAMS } from '@shared/drafts/style-presets';
import { aBrief } from '@/testing/booking-factories';
import { BookingBrief } from './booking-brief';

const row = (label: string) =>
  within(screen.getByText(label, { selector: 'dt' }).parentElement!).getByRole('definition');

describe('the brief a photographer reads', () => {
  it('names an adjusted look and its real backdrop colour, crop and light', () => {
    const params = {
      ...STYLE_PRESET_PARAMS.professional,
      backdrop: 'solid' as const,
      backdropColor: '#f2f2f0',
      crop: '1:1' as const,
    };
    render(<BookingBrief brief={aBrief({ params })} notes={null} viewer="photographer" />);
    expect(row('Style')).toHaveTextContent(/^Professional, adjusted$/);
    expect(row('Backdrop')).toHaveTextContent(/^Solid colour, white #f2f2f0$/);
    expect(row('Crop')).toHaveTextContent('Square (1:1)');
    expect(row('Light')).toHaveTextContent('Studio light 60 %');
  });

  it('keeps the plain style name for a look nobody changed', () => {
    const params = { ...STYLE_PRESET_PARAMS.professional };
    render(<BookingBrief brief={aBrief({ params })} notes={null} viewer="photographer" />);
    expect(row('Style')).toHaveTextContent(/^Professional$/);
    expect(row('Backdrop')).toHaveTextContent(/^Gradient, slate grey #5b6770$/);
  });
});
