"""Reader diagnostics with each condition faked through the probes."""

from __future__ import annotations

import errno

import pytest

from memberdesk.nfc.diagnostics import (
    OpenAttempt,
    Probes,
    UsbDevice,
    describe,
    diagnose,
)

RCS380 = UsbDevice(0x054C, 0x06C3, 1, 4)
ACR122 = UsbDevice(0x072F, 0x2200, 1, 5)
MOUSE = UsbDevice(0x046D, 0xC077, 1, 2)


def probes(**overrides) -> Probes:
    base = {
        "platform": "linux",
        "libusb": lambda: "1.0.26",
        "usb_devices": lambda: [MOUSE, RCS380],
        "can_access": lambda node: True,
        "kernel_modules": lambda: set(),
        "pcscd_running": lambda: False,
        "try_open": lambda path: OpenAttempt(True),
    }
    base.update(overrides)
    return Probes(**base)


def codes(diagnosis) -> list[str]:
    return [f.code for f in diagnosis.general] + [
        f.code for r in diagnosis.readers for f in r.findings
    ]


def test_a_ready_reader():
    d = diagnose(probes())
    assert codes(d) == ["ready"] and d.usable == ["usb:001:004"]
    assert "Sony RC-S380 at usb:001:004: ready" in describe(d)


@pytest.mark.parametrize(
    "overrides, code, words",
    [
        ({"libusb": lambda: None}, "no_libusb", "libusb-1.0"),
        ({"usb_devices": lambda: [MOUSE]}, "no_reader", "no reader"),
        ({"can_access": lambda node: False}, "no_permission", "udev rule"),
        (
            {
                "kernel_modules": lambda: {"port100", "ext4"},
                "try_open": lambda p: OpenAttempt(False, errno.EBUSY, "busy"),
            },
            "kernel_module",
            "modprobe -r port100",
        ),
        (
            {
                "pcscd_running": lambda: True,
                "try_open": lambda p: OpenAttempt(False, errno.EBUSY, "busy"),
            },
            "pcscd",
            "systemctl stop pcscd",
        ),
        (
            {"try_open": lambda p: OpenAttempt(False, errno.ENODEV, "no device")},
            "replug",
            "plug it in again",
        ),
        (
            {"try_open": lambda p: OpenAttempt(False, errno.EACCES, "denied")},
            "no_permission",
            "udev rule",
        ),
    ],
)
def test_each_problem_is_said_with_a_fix(overrides, code, words):
    d = diagnose(probes(**overrides))
    assert code in codes(d)
    assert words in describe(d)
    assert d.usable == []


def test_an_acr122u_on_old_firmware():
    attempt = OpenAttempt(
        False,
        errno.ENODEV,
        "No such device",
        ("ACR122U103 not supported, need 2.x",),
    )
    d = diagnose(probes(usb_devices=lambda: [ACR122], try_open=lambda p: attempt))
    assert codes(d) == ["acr122_firmware"]
    assert "firmware 2.x" in describe(d)


def test_libusb_fix_per_platform():
    for platform, words in (
        ("linux", "apt install"),
        ("darwin", "brew"),
        ("win32", "Zadig"),
    ):
        d = diagnose(probes(platform=platform, libusb=lambda: None))
        assert words in d.general[0].fix


def test_the_real_probes_run_here():
    # No reader on this machine: the real probes say so without raising.
    d = diagnose()
    assert not d.usable
    assert describe(d)
