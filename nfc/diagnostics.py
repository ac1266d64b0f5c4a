"""Reader diagnostics: which readers nfcpy can open, and if not, why in words.

Everything the check looks at goes through `Probes`, so tests fake each
condition: libusb missing, no permission on the device node (no udev rule),
pcscd or the pn533_usb/port100 kernel modules holding the device, an ACR122U
on firmware nfcpy cannot drive, a reader that needs replugging.
"""

from __future__ import annotations

import ctypes.util
import errno
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

# USB ids nfcpy drives (nfc.clf.device.usb_device_map), with names people know.
KNOWN_READERS: dict[tuple[int, int], str] = {
    (0x054C, 0x06C1): "Sony RC-S380",
    (0x054C, 0x06C3): "Sony RC-S380",
    (0x054C, 0x02E1): "Sony RC-S330/360/370",
    (0x04CC, 0x2533): "NXP PN533 board",
    (0x04E6, 0x5591): "SCM SCL3711",
    (0x04E6, 0x5593): "SCM SCL3712",
    (0x054C, 0x0193): "Sony PN531",
    (0x04CC, 0x0531): "Philips PN531 / SCL3710",
    (0x072F, 0x2200): "ACS ACR122U",
}
# Kernel drivers that claim these readers before nfcpy can.
KERNEL_MODULES = ("pn533_usb", "pn533", "port100")
UDEV_RULE = (
    'SUBSYSTEM=="usb", ACTION=="add", ATTRS{idVendor}=="%04x", '
    'ATTRS{idProduct}=="%04x", GROUP="plugdev", MODE="0664"'
)


@dataclass(frozen=True)
class UsbDevice:
    vid: int
    pid: int
    bus: int
    address: int

    @property
    def path(self) -> str:
        return f"usb:{self.bus:03d}:{self.address:03d}"

    @property
    def devnode(self) -> str:
        return f"/dev/bus/usb/{self.bus:03d}/{self.address:03d}"


@dataclass(frozen=True)
class OpenAttempt:
    """What happened when nfcpy tried the path."""

    ok: bool
    errno: int | None = None
    message: str = ""
    log_lines: tuple[str, ...] = ()  # nfcpy's own log while opening


@dataclass
class Probes:
    """How the diagnostics look at the machine; each can be replaced in tests."""

    platform: str = sys.platform
    libusb: Callable[[], str | None] = lambda: _libusb_version()
    usb_devices: Callable[[], list[UsbDevice]] = lambda: _usb_devices()
    can_access: Callable[[str], bool] = lambda node: os.access(node, os.R_OK | os.W_OK)
    kernel_modules: Callable[[], set[str]] = lambda: _kernel_modules()
    pcscd_running: Callable[[], bool] = lambda: _pcscd_running()
    try_open: Callable[[str], OpenAttempt] = lambda path: _try_open(path)


@dataclass(frozen=True)
class Finding:
    code: str  # stable: ready, no_libusb, no_permission, busy, kernel_module, ...
    problem: str  # in words
    fix: str  # what to do, in words

    @property
    def ok(self) -> bool:
        return self.code == "ready"


@dataclass(frozen=True)
class ReaderReport:
    path: str
    name: str
    findings: tuple[Finding, ...]

    @property
    def ready(self) -> bool:
        return any(f.ok for f in self.findings)


@dataclass(frozen=True)
class Diagnosis:
    readers: tuple[ReaderReport, ...]
    general: tuple[Finding, ...] = field(default=())  # not tied to one reader

    @property
    def usable(self) -> list[str]:
        return [r.path for r in self.readers if r.ready]


def diagnose(probes: Probes | None = None) -> Diagnosis:
    """Every known reader on USB, opened or explained; plus general problems."""
    probes = probes or Probes()
    general: list[Finding] = []
    version = probes.libusb()
    if version is None:
        general.append(
            Finding(
                "no_libusb",
                "the libusb-1.0 library is not installed, so no USB reader can "
                "be reached",
                _libusb_fix(probes.platform),
            )
        )
        return Diagnosis((), tuple(general))
    devices = [d for d in probes.usb_devices() if (d.vid, d.pid) in KNOWN_READERS]
    if not devices:
        general.append(
            Finding(
                "no_reader",
                "no reader that nfcpy drives is plugged in",
                "plug in a Sony RC-S380, a PN533 board, an SCL3711 or an ACR122U "
                "(firmware 2.x); a reader on a hub may need a powered hub",
            )
        )
    modules = probes.kernel_modules() if probes.platform.startswith("linux") else set()
    pcscd = probes.pcscd_running()
    reports = tuple(_check(d, probes, modules, pcscd) for d in devices)
    return Diagnosis(reports, tuple(general))


def _check(
    device: UsbDevice, probes: Probes, modules: set[str], pcscd: bool
) -> ReaderReport:
    name = KNOWN_READERS[(device.vid, device.pid)]
    linux = probes.platform.startswith("linux")
    findings: list[Finding] = []
    if linux and not probes.can_access(device.devnode):
        findings.append(
            Finding(
                "no_permission",
                f"this account may not use the {name} ({device.devnode})",
                "add a udev rule, e.g. /etc/udev/rules.d/56-nfc.rules with "
                + UDEV_RULE % (device.vid, device.pid)
                + ", add yourself to the plugdev group, then replug the reader",
            )
        )
        return ReaderReport(device.path, name, tuple(findings))
    attempt = probes.try_open(device.path)
    if attempt.ok:
        return ReaderReport(device.path, name, (Finding("ready", "ready", ""),))
    findings.extend(_explain(device, name, attempt, modules, pcscd, linux))
    return ReaderReport(device.path, name, tuple(findings))


def _explain(
    device: UsbDevice,
    name: str,
    attempt: OpenAttempt,
    modules: set[str],
    pcscd: bool,
    linux: bool,
) -> list[Finding]:
    found: list[Finding] = []
    text = " ".join(attempt.log_lines).lower()
    held = sorted(m for m in KERNEL_MODULES if m in modules)
    if attempt.errno == errno.EBUSY or held or (pcscd and attempt.errno):
        if held:
            found.append(
                Finding(
                    "kernel_module",
                    f"the kernel module {', '.join(held)} holds the {name}",
                    f"unload it (sudo modprobe -r {' '.join(held)}) and blacklist "
                    "it in /etc/modprobe.d/blacklist-nfc.conf, then replug",
                )
            )
        if pcscd:
            found.append(
                Finding(
                    "pcscd",
                    f"the smart-card daemon pcscd is running and may hold the {name}",
                    "stop it (sudo systemctl stop pcscd.socket pcscd) or tell it "
                    "to leave this reader alone",
                )
            )
        if found:
            return found
    if (device.vid, device.pid) == (0x072F, 0x2200) and (
        "need 2.x" in text or "version string" in text
    ):
        return [
            Finding(
                "acr122_firmware",
                "this ACR122U runs a firmware nfcpy cannot drive (it needs 2.x)",
                "use an ACR122U with firmware 2.x, or another reader",
            )
        ]
    if attempt.errno == errno.EACCES:
        return [
            Finding(
                "no_permission",
                f"the {name} refused access",
                "add a udev rule for it (see the README) and replug the reader",
            )
        ]
    if "replug" in text or attempt.errno in (errno.ENODEV, errno.EIO, errno.EPIPE):
        return [
            Finding(
                "replug",
                f"the {name} did not answer as expected",
                "unplug the reader, wait a few seconds and plug it in again; "
                "if that does not help, try another USB port",
            )
        ]
    detail = attempt.message or "it could not be opened"
    fix = "check the log file for details" if not linux else "replug the reader"
    return [Finding("unknown", f"the {name}: {detail}", fix)]


# -- the real probes -----------------------------------------------------------


def _libusb_fix(platform: str) -> str:
    if platform.startswith("linux"):
        return "install it: sudo apt install libusb-1.0-0 (or your distribution's)"
    if platform == "darwin":
        return "install it: brew install libusb"
    return "install the WinUSB driver for the reader with Zadig"


def _libusb_version() -> str | None:
    try:
        import usb1

        version = usb1.getVersion()
        return f"{version.major}.{version.minor}.{version.micro}"
    except Exception:  # noqa: BLE001 - any failure means no usable libusb
        name = ctypes.util.find_library("usb-1.0")
        return "present" if name else None


def _usb_devices() -> list[UsbDevice]:
    try:
        import usb1

        with usb1.USBContext() as context:
            return [
                UsbDevice(
                    d.getVendorID(),
                    d.getProductID(),
                    d.getBusNumber(),
                    d.getDeviceAddress(),
                )
                for d in context.getDeviceList(skip_on_error=True)
            ]
    except Exception as exc:  # noqa: BLE001 - no libusb, no bus
        log.debug("cannot list USB devices: %s", exc)
        return []


def _kernel_modules() -> set[str]:
    try:
        text = Path("/proc/modules").read_text()
    except OSError:
        return set()
    return {line.split()[0] for line in text.splitlines() if line.strip()}


def _pcscd_running() -> bool:
    if not shutil.which("pidof"):
        return False
    try:
        done = subprocess.run(
            ["pidof", "pcscd"], capture_output=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _try_open(path: str) -> OpenAttempt:
    """Open and close the reader with nfcpy, keeping nfcpy's log of it.

    FIXME(nfcpy#243): an ACR122U often cannot be reopened after close(); the
    console only diagnoses a reader its reader thread does not already hold.
    """
    import nfc

    # nfcpy says why (firmware, replug) only in its log; keep those lines.
    collect = _Collect()
    nfc_log = logging.getLogger("nfc.clf")
    nfc_log.addHandler(collect)
    level = nfc_log.level
    nfc_log.setLevel(logging.DEBUG)
    clf = nfc.ContactlessFrontend()
    try:
        ok = clf.open(path)
        return OpenAttempt(
            bool(ok), None, "" if ok else "not found", tuple(collect.lines)
        )
    except OSError as exc:
        return OpenAttempt(
            False, exc.errno, exc.strerror or str(exc), tuple(collect.lines)
        )
    except Exception as exc:  # noqa: BLE001 - nfcpy raises many kinds here
        return OpenAttempt(False, None, str(exc), tuple(collect.lines))
    finally:
        clf.close()
        nfc_log.removeHandler(collect)
        nfc_log.setLevel(level)


def describe(diagnosis: Diagnosis) -> str:
    """The diagnosis as lines of text, for the CLI and the log."""
    lines = [f"problem: {f.problem}. Fix: {f.fix}" for f in diagnosis.general]
    for report in diagnosis.readers:
        for f in report.findings:
            state = "ready" if f.ok else f"{f.problem}. Fix: {f.fix}"
            lines.append(f"{report.name} at {report.path}: {state}")
    return "\n".join(lines) or "no readers"
