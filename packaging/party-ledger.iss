; Inno Setup script of the Windows installer of 党建台账 (Party Ledger).
;
; Build the one-folder application first (python packaging\build.py), then compile this script
; with Inno Setup 6 (ISCC.exe packaging\party-ledger.iss, or open it in the Inno Setup window).
; The version comes from the built party-ledger.exe (its version resource is the package's).
;
; The ledger, its backups, logs and settings live in the user's data folder
; (%APPDATA%\PartyLedger), never in the install folder: uninstalling removes the program and
; leaves them in place.

#define AppExe "party-ledger.exe"
#define Built "..\dist\party-ledger"
#define AppVersion GetVersionNumbersString(Built + "\" + AppExe)

[Setup]
AppId={{5C6E2B1A-9F4D-4E7B-8A51-2D3C4B5A6E70}
AppName=党建台账
AppVerName=党建台账 {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=党建台账
DefaultDirName={autopf}\PartyLedger
DefaultGroupName=党建台账
DisableProgramGroupPage=yes
; An IT office installs for every user of the PC; a secretary without rights, for herself.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=party-ledger-{#AppVersion}-setup
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Built}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\党建台账"; Filename: "{app}\{#AppExe}"; Comment: "高校党建工作台账"
Name: "{group}\卸载党建台账"; Filename: "{uninstallexe}"
Name: "{autodesktop}\党建台账"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,党建台账}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section: the uninstaller removes what it installed and nothing of
; %APPDATA%\PartyLedger (ledgers, backups, logs, settings).
