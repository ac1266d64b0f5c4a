"""NXP originality signatures: ECDSA on secp128r1 over the raw 7-byte UID.

`cryptography` lacks secp128r1; the `ecdsa` package has it. The result is a
word, recorded against the card: a failed check warns, it never hides a card.
"""

from __future__ import annotations

import ecdsa

# AN11350 (NTAG21x) and AN11341 (MIFARE Ultralight EV1), SEC1 uncompressed.
NXP_NTAG21X = bytes.fromhex(
    "04494E1A386D3D3CFE3DC10E5DE68A499B1C202DB5B132393E89ED19FE5BE8BC61"
)
NXP_ULTRALIGHT_EV1 = bytes.fromhex(
    "0490933BDCD6E99B4E255E3DA55389A827564E11718E017292FAF23226A96614B8"
)

GENUINE = "genuine"  # verifies with an NXP key
SIMULATED = "simulated"  # verifies with the simulator's test key
ABSENT = "absent"  # the chip gave no signature (all zeros)
FAILED = "failed"  # a signature that does not verify


def _verifies(public_key: bytes, uid: bytes, signature: bytes) -> bool:
    try:
        key = ecdsa.VerifyingKey.from_string(public_key, curve=ecdsa.SECP128r1)
        return key.verify_digest(signature, uid, allow_truncate=True)
    except (ecdsa.BadSignatureError, ecdsa.MalformedPointError, ValueError):
        return False


def check(
    uid: bytes, signature: bytes, extra_keys: dict[str, bytes] | None = None
) -> str:
    """GENUINE, SIMULATED, ABSENT or FAILED for this UID and READ_SIG answer."""
    if len(signature) != 32 or not any(signature):
        return ABSENT
    for public_key in (NXP_NTAG21X, NXP_ULTRALIGHT_EV1):
        if _verifies(public_key, uid, signature):
            return GENUINE
    for word, public_key in (extra_keys or {}).items():
        if _verifies(public_key, uid, signature):
            return word
    return FAILED
