import { cleanFileName, extraChargeLabel } from './gallery.mappers';

describe('cleanFileName', () => {
  it('reads the UTF-8 name multer hands over as latin1', () => {
    const asMulterGivesIt = Buffer.from('Portrait Zoë – 01.jpg', 'utf8').toString('latin1');
    expect(cleanFileName(asMulterGivesIt, 'x.jpg')).toBe('Portrait Zoë – 01.jpg');
  });

  it('replaces path separators and control characters, and falls back when empty', () => {
    expect(cleanFileName('../../etc/passwd\u0007.jpg', 'x.jpg')).toBe('.._.._etc_passwd_.jpg');
    expect(cleanFileName('   ', 'proof-3.jpg')).toBe('proof-3.jpg');
    expect(cleanFileName(undefined, 'proof-1.jpg')).toBe('proof-1.jpg');
  });
});

describe('extraChargeLabel', () => {
  it.each([
    ['none', 0, null],
    ['due_at_studio', 2, '2 extra photos: €50.00 due at the studio — nothing is charged online'],
    ['awaiting_payment', 1, '1 extra photo: €25.00 — waiting for the online payment'],
    ['paid', 1, '1 extra photo: €25.00 — paid online'],
  ] as const)('%s', (charge, count, label) => {
    expect(extraChargeLabel(charge, count, count * 2_500, 'eur')).toBe(label);
  });
});
