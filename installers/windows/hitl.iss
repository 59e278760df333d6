; Inno Setup 6 script: a per-user installer (no admin rights) for the PyInstaller bundle.
; Build with installers\windows\build.ps1 (it builds the bundle, runs its self-test, then calls
; ISCC with /DAppVersion from pyproject.toml and /DVariant). The defaults below let ISCC run
; by hand; tests/installers/test_scripts.py checks AppVersion against pyproject.toml.

#define AppName "HITL Desktop"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef Variant
  #define Variant "core"
#endif
#define BundleDir "..\..\build\pyinstaller\" + Variant + "\dist\hitl-desktop"
#define IconFile "..\..\build\icons\hitl-desktop.ico"

[Setup]
AppId={{3B6C2E0A-5D1F-4C8B-9E27-7A4F1D2C9B61}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=HITL Desktop
DefaultDirName={autopf}\HITL Desktop
DefaultGroupName=HITL Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=hitl-desktop-{#AppVersion}-{#Variant}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\hitl-desktop.exe
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "folderverb"; Description: "Add ""Open in HITL Desktop"" to the right-click menu of folders (workspace folders)"; GroupDescription: "Associations:"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\resources\icons\hitl-desktop.svg"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\HITL Desktop"; Filename: "{app}\hitl-desktop.exe"; WorkingDir: "{userdocs}"
Name: "{group}\HITL Desktop self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\hitl.exe"" --self-test"
Name: "{group}\{cm:UninstallProgram,HITL Desktop}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\HITL Desktop"; Filename: "{app}\hitl-desktop.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install. Folders have no extension to associate, so a workspace
; folder gets a right-click verb instead; the key goes away on uninstall.
Root: HKA; Subkey: "Software\Classes\Directory\shell\HITLDesktop"; ValueType: string; ValueName: ""; ValueData: "Open in HITL Desktop"; Flags: uninsdeletekey; Tasks: folderverb
Root: HKA; Subkey: "Software\Classes\Directory\shell\HITLDesktop"; ValueType: string; ValueName: "Icon"; ValueData: """{app}\hitl-desktop.exe"",0"; Tasks: folderverb
Root: HKA; Subkey: "Software\Classes\Directory\shell\HITLDesktop\command"; ValueType: string; ValueName: ""; ValueData: """{app}\hitl-desktop.exe"" --workspace ""%1"""; Tasks: folderverb

[Run]
Filename: "{app}\hitl-desktop.exe"; Description: "{cm:LaunchProgram,HITL Desktop}"; Flags: nowait postinstall skipifsilent

; Nothing under [UninstallDelete]: workspaces (%LOCALAPPDATA%\hitl-desktop), settings (registry
; HKCU\Software\hitl-desktop) and device keys (Credential Locker) belong to the user and stay.
