"""What the installed package holds: every module, resource and migration."""

from __future__ import annotations

import importlib
import importlib.resources
import pkgutil
import sys
from pathlib import Path

import pytest

SUBPACKAGES = ["console", "widgets", "services", "nfc", "resources"]


def _modules() -> list[str]:
    names = []
    for sub in SUBPACKAGES:
        package = importlib.import_module(f"memberdesk.{sub}")
        names.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if ".migrations." in info.name or info.name.endswith("__main__"):
                continue  # run by Alembic or by `python -m`, not imported
            names.append(info.name)
    return names


def test_every_source_module_is_installed():
    repo = Path(__file__).resolve().parents[1]
    installed = set(_modules())
    for sub in SUBPACKAGES:
        for path in (repo / sub).rglob("*.py"):
            rel = path.relative_to(repo / sub).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            if (
                "versions" in parts
                or path.name == "env.py"
                or (path.name == "__main__.py")
            ):
                continue
            name = ".".join(["memberdesk", sub, *parts])
            assert name in installed, f"{name} is missing from the installed package"


@pytest.mark.parametrize("name", _modules())
def test_module_imports(name):
    importlib.import_module(name)


def test_nfcpy_is_not_shadowed():
    import nfc

    assert hasattr(nfc, "ContactlessFrontend"), nfc.__path__
    assert "memberdesk" not in str(Path(nfc.__file__).parent.parent.name)


def test_resources_and_migrations_are_installed():
    res = importlib.resources.files("memberdesk.resources")
    assert any(p.name.endswith(".qm") for p in (res / "i18n").iterdir())
    assert any(p.name.endswith(".svg") for p in (res / "icons").iterdir())
    assert (res / "style.qss").read_text(encoding="utf-8").strip()
    versions = importlib.resources.files("memberdesk.services.migrations") / "versions"
    assert any(p.name.startswith("0001") for p in versions.iterdir())
    mig = importlib.resources.files("memberdesk.services.migrations")
    assert (mig / "env.py").is_file() and (mig / "script.py.mako").is_file()


def test_layers_hold():
    # services and nfc never pull in Qt: run in a fresh interpreter.
    import subprocess

    code = (
        "import sys, memberdesk.services.checkin, memberdesk.services.cards, "
        "memberdesk.nfc.encoder, memberdesk.nfc.reader, memberdesk.console.cli; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
