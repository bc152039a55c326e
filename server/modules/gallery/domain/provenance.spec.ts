import { DIGITAL_CAPTURE, finalProvenanceXmp, type FinalProvenance } from './provenance';

function aProvenance(overrides: Partial<FinalProvenance> = {}): FinalProvenance {
  return {
    photographerName: 'Lena Licht',
    clientName: 'Ada Client',
    packageName: 'Executive headshot',
    year: 2030,
    licenceUrl: 'https://lensbridge.example/licence',
    ...overrides,
  };
}

describe('finalProvenanceXmp', () => {
  it('states a digital capture, the creator, the copyright and the licence of the package', () => {
    const xmp = finalProvenanceXmp(aProvenance());
    expect(xmp).toContain(`Iptc4xmpExt:DigitalSourceType="${DIGITAL_CAPTURE}"`);
    expect(xmp).toContain(
      '<dc:creator><rdf:Seq><rdf:li>Lena Licht</rdf:li></rdf:Seq></dc:creator>',
    );
    expect(xmp).toContain('© 2030 Lena Licht. All rights reserved.');
    expect(xmp).toMatch(/<xmpRights:UsageTerms>.*package “Executive headshot”.*Ada Client may use/);
    expect(xmp).toContain('xmpRights:WebStatement="https://lensbridge.example/licence"');
  });

  it('escapes names so a studio called <Light & "Shade"> cannot break the XML', () => {
    const xmp = finalProvenanceXmp(aProvenance({ photographerName: '<Light & "Shade">' }));
    expect(xmp).toContain('&lt;Light &amp; &quot;Shade&quot;&gt;');
    expect(xmp).not.toContain('<Light');
  });
});
