"""This device's signing key, kept in the OS keyring and nowhere else.

A device is one installation working on one workspace: the key pair is made when a
workspace is first opened for writing on this machine. The private seed goes to the
keyring under the service ``hitl-desktop``; SQLite holds only the device id (derived from
the public key), so a copied workspace on another machine enrols a new device.
"""

from __future__ import annotations

import base64
import os

import keyring
import keyring.errors

from ..lineage import DeviceKey
from .errors import KeyringUnavailable

SERVICE = "hitl-desktop"

_HEADLESS_HELP = (
    "On a desktop, install or unlock the system keyring (Secret Service such as GNOME Keyring "
    "or KWallet on Linux, Keychain on macOS, Credential Locker on Windows). On a headless "
    "machine (a server, CI) you can choose a file-based backend explicitly: "
    "`pip install keyrings.alt` and set PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring. "
    "That file is not encrypted: anyone who can read your home folder can sign events as this "
    "device. See README, 'Device keys'."
)

# Backends that store secrets in plain files: used only when chosen explicitly.
_INSECURE = {"PlaintextKeyring", "EncryptedKeyring", "Keyring"}


def _username(device_id: str) -> str:
    return f"device-key/{device_id}"


def check_keyring() -> keyring.backend.KeyringBackend:
    """The keyring backend to use, or KeyringUnavailable saying how to configure one."""
    backend = keyring.get_keyring()
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        raise KeyringUnavailable(
            f"No OS keyring is available to hold this device's signing key. {_HEADLESS_HELP}"
        )
    explicit = (
        bool(os.environ.get("PYTHON_KEYRING_BACKEND")) or keyring.core.load_config() is not None
    )
    if module.startswith("keyrings.alt") and name in _INSECURE and not explicit:
        raise KeyringUnavailable(
            f"The only keyring found ({module}.{name}) keeps secrets in a plain file; it is used "
            f"only when chosen explicitly. {_HEADLESS_HELP}"
        )
    return backend


def load_device_key(device_id: str) -> DeviceKey | None:
    backend = check_keyring()
    try:
        secret = backend.get_password(SERVICE, _username(device_id))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(
            f"The keyring refused to give the device key: {exc}. {_HEADLESS_HELP}"
        ) from None
    if secret is None:
        return None
    key = DeviceKey.from_seed(base64.b64decode(secret))
    if key.device_id != device_id:
        raise KeyringUnavailable(f"The keyring entry for device {device_id} holds another key")
    return key


def create_device_key() -> DeviceKey:
    """Make a key pair and store its private half in the keyring."""
    backend = check_keyring()
    key = DeviceKey.generate()
    try:
        backend.set_password(
            SERVICE, _username(key.device_id), base64.b64encode(key.seed()).decode()
        )
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(
            f"The keyring refused to store the device key: {exc}. {_HEADLESS_HELP}"
        ) from None
    return key
