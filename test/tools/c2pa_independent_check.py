"""An independent reading of a JPEG's C2PA manifest, sharing no code with c2pa-rs.

Walks the APP11 JUMBF boxes, takes the active claim and its COSE_Sign1, verifies the ES256
signature over the Sig_structure with the leaf certificate of the x5chain, checks each
certificate is signed by the next, and recomputes the data hash with its exclusions.
Prints one JSON object. Needs Debian's python3-cbor2 and python3-cryptography.
Usage: python3 c2pa_independent_check.py FILE.jpg
"""
import hashlib
import json
import struct
import sys

import cbor2
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def app11_jumbf(data):
    """The JUMBF bytes carried in the JPEG's APP11 segments (JPEG XT boxes, in order)."""
    out, i = b'', 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker == 0xDA:
            break
        length = struct.unpack('>H', data[i + 2:i + 4])[0]
        segment = data[i + 4:i + 2 + length]
        if marker == 0xEB and segment[:2] == b'JP':
            sequence = struct.unpack('>I', segment[4:8])[0]
            # The first segment carries the box header; later ones repeat it (8 bytes) first.
            out += segment[8:] if sequence == 1 else segment[16:]
        i += 2 + length
    return out


def boxes(buf):
    offset = 0
    while offset + 8 <= len(buf):
        size, kind = struct.unpack('>I4s', buf[offset:offset + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack('>Q', buf[offset + 8:offset + 16])[0], 16
        yield kind, buf[offset + header:offset + size]
        offset += size


def superboxes(buf, prefix=''):
    found = {}
    for kind, body in boxes(buf):
        if kind != b'jumb':
            continue
        inner = list(boxes(body))
        label = inner[0][1][17:].split(b'\0')[0].decode()
        path = prefix + '/' + label
        found[path] = inner[1:]
        found.update(superboxes(body, path))
    return found


def main(file):
    data = open(file, 'rb').read()
    store = superboxes(app11_jumbf(data))
    if not store:
        return {'manifest': False}
    manifests = [p for p in store if p.count('/') == 2 and p.startswith('/c2pa/')]
    active = manifests[-1]
    claim = store[active + '/c2pa.claim.v2'][0][1]
    cose = cbor2.loads(store[active + '/c2pa.signature'][0][1])
    protected, _unprotected, payload, signature = cose.value
    header = cbor2.loads(protected)
    chain = header[33] if isinstance(header[33], list) else [header[33]]
    certificates = [x509.load_der_x509_certificate(c) for c in chain]
    result = {
        'manifest': True,
        'coseTag': cose.tag,
        'algorithm': header[1],
        'detachedPayload': payload is None,
        'signer': certificates[0].subject.rfc4514_string(),
        'chainLength': len(certificates),
    }
    r = int.from_bytes(signature[:32], 'big')
    s = int.from_bytes(signature[32:], 'big')
    to_be_signed = cbor2.dumps(['Signature1', protected, b'', claim])
    try:
        certificates[0].public_key().verify(encode_dss_signature(r, s), to_be_signed, ec.ECDSA(certificates[0].signature_hash_algorithm))
        result['signatureValid'] = True
    except Exception:
        result['signatureValid'] = False
    chain_ok = True
    for child, issuer in zip(certificates, certificates[1:]):
        try:
            issuer.public_key().verify(child.signature, child.tbs_certificate_bytes, ec.ECDSA(child.signature_hash_algorithm))
        except Exception:
            chain_ok = False
    result['chainValid'] = chain_ok
    data_hash = cbor2.loads(store[active + '/c2pa.assertions/c2pa.hash.data'][0][1])
    digest, position = hashlib.sha256(), 0
    for exclusion in sorted(data_hash.get('exclusions', []), key=lambda e: e['start']):
        digest.update(data[position:exclusion['start']])
        position = exclusion['start'] + exclusion['length']
    digest.update(data[position:])
    result['dataHashValid'] = digest.digest() == data_hash['hash']
    actions = cbor2.loads(store[active + '/c2pa.assertions/c2pa.actions.v2'][0][1])
    result['actions'] = [a['action'] for a in actions['actions']]
    result['digitalSourceTypes'] = [a.get('digitalSourceType') for a in actions['actions']]
    result['claimGenerator'] = cbor2.loads(claim)['claim_generator_info']['name']
    return result


if __name__ == '__main__':
    print(json.dumps(main(sys.argv[1])))
