# Build the Windows installer: the PyInstaller bundle, its self-test, then Inno Setup.
# Usage (PowerShell, from anywhere): installers\windows\build.ps1 [-Variant core|full]
# Needs: the app installed in .venv (`pip install -c constraints.txt -e .[dev]`) and Inno Setup 6
# (ISCC.exe on PATH or in its default folder). Output: dist\hitl-desktop-<version>-<variant>-windows-x64-setup.exe
param([ValidateSet("core", "full")][string]$Variant = "core")
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root
$Py = if ($env:PY) { $env:PY } else { Join-Path $Root ".venv\Scripts\python.exe" }
$Version = (& $Py installers\version.py).Trim()
& $Py installers\make_icons.py
if ($LASTEXITCODE -ne 0) { throw "make_icons.py failed" }
$env:HITL_VARIANT = $Variant
& $Py -m PyInstaller --noconfirm --log-level WARN --distpath "build\pyinstaller\$Variant\dist" `
  --workpath "build\pyinstaller\$Variant\work" installers\hitl.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
& "build\pyinstaller\$Variant\dist\hitl-desktop\hitl.exe" --self-test
if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed" }
$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" "/DVariant=$Variant" installers\windows\hitl.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
