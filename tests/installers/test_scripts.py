"""The installer scripts, checked as far as a Linux machine allows: the Inno Setup script's
sections, version and every path it names; shell syntax; the spec compiles and names real files."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"
sys.path.insert(0, str(INSTALLERS))
from version import project_version  # noqa: E402

ISS = INSTALLERS / "windows" / "hitl.iss"
SPEC = INSTALLERS / "hitl.spec"
SHELL_SCRIPTS = sorted(INSTALLERS.glob("*/*.sh"))


# ------------------------------------------------------------------ Inno Setup
def _defines(text: str) -> dict[str, str]:
    """``#define Name "value"`` lines, with ``+`` concatenation of strings and earlier names."""
    out: dict[str, str] = {}
    for name, expr in re.findall(r"(?m)^\s*#define\s+(\w+)\s+(.+?)\s*$", text):
        parts = [p.strip() for p in expr.split("+")]
        out[name] = "".join(p[1:-1] if p.startswith('"') else out[p] for p in parts)
    return out


def _expand(value: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], value)


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            current = m.group(1)
            sections.setdefault(current, [])
        else:
            assert current is not None, f"{ISS}: {line!r} before any section"
            sections[current].append(line)
    return sections


def _entry(line: str) -> dict[str, str]:
    """One ``Key: value; Key: "quoted"`` entry into a dict ("" inside quotes is one quote)."""
    out, i = {}, 0
    while i < len(line):
        m = re.compile(r"\s*(\w+):\s*").match(line, i)
        assert m, f"cannot parse {line!r} at {i}"
        key, i = m.group(1), m.end()
        if line.startswith('"', i):
            j, value = i + 1, []
            while True:
                k = line.index('"', j)
                value.append(line[j:k])
                if line.startswith('""', k):
                    value.append('"')
                    j = k + 2
                else:
                    i = k + 1
                    break
            out[key] = "".join(value)
        else:
            k = line.find(";", i)
            k = len(line) if k < 0 else k
            out[key] = line[i:k].strip()
            i = k
        i = line.find(";", i)
        i = len(line) if i < 0 else i + 1
    return out


@pytest.fixture(scope="module")
def iss() -> tuple[dict[str, list[str]], dict[str, str]]:
    text = ISS.read_text(encoding="utf-8")
    return _sections(text), _defines(text)


def _spec_exe_names() -> set[str]:
    return set(re.findall(r'_exe\("([\w-]+)"', SPEC.read_text(encoding="utf-8")))


def test_iss_is_per_user_with_the_sections_an_installer_needs(iss) -> None:  # type: ignore[no-untyped-def]
    sections, defines = iss
    assert {"Setup", "Tasks", "Files", "Icons", "Registry", "Run"} <= set(sections)
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"  # no admin rights
    assert setup["DefaultDirName"].startswith("{autopf}")  # user's Programs folder when per-user
    assert _expand(setup["AppVersion"], defines) == project_version()
    start_menu = [_entry(e) for e in sections["Icons"]]
    assert any(e["Name"].startswith("{group}\\") for e in start_menu)
    for e in map(_entry, sections["Registry"]):  # per-user keys only, removed on uninstall
        assert e["Root"] == "HKA"
        assert e["Subkey"].startswith("Software\\Classes\\Directory\\shell\\HITLDesktop")


def test_iss_sources_exist_in_the_repo_or_the_bundle_layout(iss) -> None:  # type: ignore[no-untyped-def]
    sections, defines = iss
    base = ISS.parent
    sources = [_expand(_entry(e)["Source"], defines) for e in sections["Files"]]
    assert sources, "no [Files] entries"
    bundle = (base / defines["BundleDir"].replace("\\", "/")).resolve()
    for src in sources:
        path = (base / src.replace("\\", "/")).resolve()
        if path.name == "*":
            # the PyInstaller output: where build.ps1 tells PyInstaller to put it, named by the spec
            assert path.parent == bundle
            assert bundle.relative_to(ROOT).parts[:3] == (
                "build",
                "pyinstaller",
                defines["Variant"],
            )
            assert 'name="hitl-desktop"' in SPEC.read_text(encoding="utf-8")
            ps1 = (base / "build.ps1").read_text(encoding="utf-8")
            assert '--distpath "build\\pyinstaller\\$Variant\\dist"' in ps1
        else:
            assert path.is_file(), f"{ISS} names {src}, which does not exist"
    icon = (base / defines["IconFile"].replace("\\", "/")).resolve()
    make_icons = (INSTALLERS / "make_icons.py").read_text(encoding="utf-8")
    assert icon.parent == ROOT / "build" / "icons" and f'"{icon.name}"' in make_icons


def test_iss_runs_only_executables_the_spec_builds(iss) -> None:  # type: ignore[no-untyped-def]
    sections, defines = iss
    exes = {f"{n}.exe" for n in _spec_exe_names()}
    assert exes == {"hitl.exe", "hitl-desktop.exe"}
    named = []
    for section in ("Icons", "Run", "Registry", "Setup"):
        for line in sections[section]:
            named += re.findall(r"\{app\}\\([\w.-]+\.exe)", _expand(line, defines))
    assert named and set(named) <= exes, f"unknown executables: {set(named) - exes}"


def test_iss_parser_reads_inno_quoting() -> None:
    e = _entry('Root: HKA; ValueData: """{app}\\a.exe"" --workspace ""%1"""; Tasks: folderverb')
    assert e == {
        "Root": "HKA",
        "ValueData": '"{app}\\a.exe" --workspace "%1"',
        "Tasks": "folderverb",
    }


# ------------------------------------------------------------------ shell scripts
@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda p: str(p.relative_to(INSTALLERS)))
def test_shell_scripts_parse(script: Path) -> None:
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    if shutil.which("shellcheck"):
        result = subprocess.run(["shellcheck", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout


def test_shell_scripts_copy_files_that_exist() -> None:
    for script in SHELL_SCRIPTS:
        for rel in re.findall(r"\b((?:installers|resources)/[\w./-]+\.\w+)", script.read_text()):
            assert (ROOT / rel).is_file(), f"{script.name} names {rel}, which does not exist"


def test_macos_script_refuses_other_systems_clearly(tmp_path: Path) -> None:
    if sys.platform == "darwin":
        pytest.skip("on macOS the script really builds")
    result = subprocess.run(
        ["bash", str(INSTALLERS / "macos" / "build.sh")], capture_output=True, text=True
    )
    assert result.returncode == 2 and "runs on macOS" in result.stderr


def test_desktop_entry_names_the_shipped_icon_and_executable() -> None:
    entry = (INSTALLERS / "linux" / "hitl-desktop.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines()[1:] if "=" in line)
    assert entry.startswith("[Desktop Entry]") and fields["Type"] == "Application"
    assert (ROOT / "resources" / "icons" / f"{fields['Icon']}.svg").is_file()
    assert fields["Exec"].split()[0] == "@APPDIR@/hitl-desktop"  # install.sh fills in the folder
    assert "hitl-desktop" in _spec_exe_names()


# ------------------------------------------------------------------ spec and version
def test_spec_compiles_and_its_resources_exist() -> None:
    source = SPEC.read_text(encoding="utf-8")
    tree = compile(source, str(SPEC), "exec", ast.PyCF_ONLY_AST)
    globs = {}
    for node in ast.walk(tree):
        target = node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(target, ast.Name) and target.id in ("RESOURCE_GLOBS", "OPTIONAL_GLOBS"):
            globs[target.id] = ast.literal_eval(node.value)  # type: ignore[attr-defined]
    for pattern, _dest in globs["RESOURCE_GLOBS"]:
        assert list(ROOT.glob(pattern)), f"the spec bundles {pattern}, which matches nothing"
    assert (ROOT / "installers" / "hitl_entry.py").is_file()
    assert 'installers" / "hitl_entry.py' in source
    compile(source, str(SPEC), "exec")  # and as code


def test_version_helper_follows_a_static_or_dynamic_version(tmp_path: Path) -> None:
    import hitl_desktop

    assert project_version() == hitl_desktop.__version__
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "2.3.4"\n')
    assert project_version(tmp_path) == "2.3.4"
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text('__version__ = "9.8.7"\n')
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndynamic = ["version"]\n'
        '[tool.setuptools.dynamic]\nversion = { attr = "pkg.__version__" }\n'
    )
    assert project_version(tmp_path) == "9.8.7"


def test_linux_install_and_uninstall_keep_the_workspace(tmp_path: Path) -> None:
    # the tarball's layout, with a stand-in executable instead of the PyInstaller folder
    stage = tmp_path / "hitl-desktop-0.0.0-linux-x86_64"
    (stage / "app").mkdir(parents=True)
    (stage / "app" / "hitl").write_text("#!/bin/sh\necho bundled hitl\n")
    (stage / "app" / "hitl").chmod(0o755)
    for name in ("install.sh", "uninstall.sh", "hitl-desktop.desktop"):
        shutil.copy(INSTALLERS / "linux" / name, stage / name)
    shutil.copy(ROOT / "resources" / "icons" / "hitl-desktop.svg", stage)
    (stage / "VERSION").write_text("0.0.0 core\n")
    home = tmp_path / "home"
    workspace = home / ".local" / "share" / "hitl-desktop" / "default"
    workspace.mkdir(parents=True)
    (workspace / "workspace.db").write_bytes(b"work")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}

    done = subprocess.run(
        ["bash", str(stage / "install.sh")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    app = home / ".local" / "opt" / "hitl-desktop"
    entry = (home / ".local/share/applications/hitl-desktop.desktop").read_text()
    assert f"Exec={app}/hitl-desktop\n" in entry
    hitl = subprocess.run([str(home / ".local/bin/hitl")], capture_output=True, text=True)
    assert hitl.stdout == "bundled hitl\n"

    done = subprocess.run(
        ["bash", str(stage / "uninstall.sh")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert not app.exists() and not (home / ".local/bin/hitl").exists()
    assert not (home / ".local/share/applications/hitl-desktop.desktop").exists()
    assert (workspace / "workspace.db").read_bytes() == b"work"
