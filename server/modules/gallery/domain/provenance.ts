/** IPTC: a photo taken with a camera, not generated or composited by an algorithm. */
export const DIGITAL_CAPTURE = 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture';

export interface FinalProvenance {
  photographerName: string;
  clientName: string;
  packageName: string;
  /** The year in the copyright line (the session's year). */
  year: number;
  /** Where the licence terms are published. */
  licenceUrl: string;
}

/**
 * The usage licence every package grants. Packages do not carry their own licence text yet, so
 * this is the platform's standard portrait licence, naming the package and the parties.
 */
export function usageLicence(p: FinalProvenance): string {
  return (
    `Lensbridge portrait licence (package “${p.packageName}”): ${p.clientName} may use this ` +
    'photo without time limit for personal and professional profiles, press, web and print. ' +
    'No resale, sublicensing or use to train AI models. ' +
    `Copyright remains with ${p.photographerName}.`
  );
}

export function copyrightNotice(p: FinalProvenance): string {
  return `© ${p.year} ${p.photographerName}. All rights reserved.`;
}

/**
 * The XMP packet written into every final: IPTC digital source type (a real capture), creator,
 * copyright and the usage licence, in the namespaces photo tools read (dc, xmpRights,
 * photoshop, Iptc4xmpExt).
 */
export function finalProvenanceXmp(p: FinalProvenance): string {
  const creator = escapeXml(p.photographerName);
  const alt = (text: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"',
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"',
    ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
    ` Iptc4xmpExt:DigitalSourceType="${DIGITAL_CAPTURE}"`,
    ` photoshop:Credit="${creator}"`,
    ' xmpRights:Marked="True"',
    ` xmpRights:WebStatement="${escapeXml(p.licenceUrl)}">`,
    `<dc:creator><rdf:Seq><rdf:li>${creator}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:rights>${alt(copyrightNotice(p))}</dc:rights>`,
    `<xmpRights:UsageTerms>${alt(usageLicence(p))}</xmpRights:UsageTerms>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('');
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
