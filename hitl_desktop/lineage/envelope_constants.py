"""Constants of envelope version 1, shared by hashing and signing."""

DOMAIN = b"hitl-lineage-v1\0"
ENVELOPE_VERSION = 1
