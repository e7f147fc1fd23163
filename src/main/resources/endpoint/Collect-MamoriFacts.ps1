<#
.SYNOPSIS
    Mamori endpoint collector (schema version 1). Reads security facts of this Windows
    PC or server and writes them to ONE JSON file. It changes nothing on the machine.

.DESCRIPTION
    Read-only: only Get-* cmdlets, CIM queries, registry reads and "net accounts" without
    options are used. No network connections, no installation, no services started or
    stopped. The only write is the output file "<HOSTNAME>_<yyyyMMdd-HHmmss>.json" in
    -OutputDirectory (default: the current folder). Run it as an administrator so that the
    Security log, BitLocker and Defender can be read; without administrator rights those
    sections are left empty and named in "errors".

    This file is kept ASCII-only on purpose: Windows PowerShell 5.1 reads a script without
    a byte-order mark in the ANSI code page (CP932 on Japanese Windows), so any non-ASCII
    character would be garbled, and a signature would break if the file were re-encoded.

.PARAMETER OutputDirectory
    Existing folder to write the JSON file into (e.g. the USB stick: E:\mamori).

.EXAMPLE
    powershell -NoProfile -ExecutionPolicy Bypass -File .\Collect-MamoriFacts.ps1 -OutputDirectory E:\mamori
#>
[CmdletBinding()]
param(
    [string]$OutputDirectory = (Get-Location).Path
)

$ErrorActionPreference = 'Stop'
$schemaVersion = '1'
$collectorVersion = '1.0.0'
$errors = New-Object System.Collections.ArrayList
$invariant = [System.Globalization.CultureInfo]::InvariantCulture

if (-not (Test-Path -LiteralPath $OutputDirectory -PathType Container)) {
    Write-Warning "Output directory does not exist: $OutputDirectory"
    exit 2
}

function ConvertTo-IsoTime($value) {
    # ConvertTo-Json in PowerShell 5.1 writes dates as "\/Date(...)\/"; the schema wants ISO 8601
    if ($null -eq $value) { return $null }
    try { return ([datetime]$value).ToString("yyyy-MM-dd'T'HH:mm:sszzz", $invariant) } catch { return $null }
}

function ConvertTo-IsoDate($value) {
    if ($null -eq $value) { return $null }
    try { return ([datetime]$value).ToString('yyyy-MM-dd', $invariant) } catch { return $null }
}

function ConvertFrom-InstallDate($text) {
    # Uninstall keys store InstallDate as yyyyMMdd text (sometimes empty or free text)
    if ($text -match '^\d{8}$') {
        return "$($text.Substring(0,4))-$($text.Substring(4,2))-$($text.Substring(6,2))"
    }
    return $null
}

function Get-RegistryValue($path, $name) {
    try {
        $item = Get-ItemProperty -LiteralPath $path -Name $name -ErrorAction Stop
        return $item.$name
    } catch {
        return $null
    }
}

function Get-Section($name, [scriptblock]$block) {
    # one failing section (no rights, feature missing) must not stop the others
    try {
        return & $block
    } catch {
        [void]$errors.Add("${name}: $($_.Exception.Message)")
        return $null
    }
}

# --- computer and operating system ------------------------------------------------------
$cs = Get-Section 'computer' { Get-CimInstance -ClassName Win32_ComputerSystem }
$bios = Get-Section 'bios' { Get-CimInstance -ClassName Win32_BIOS }
$os = Get-Section 'os' { Get-CimInstance -ClassName Win32_OperatingSystem }

$computer = [ordered]@{
    hostname     = $env:COMPUTERNAME
    domain       = if ($cs -and $cs.PartOfDomain) { $cs.Domain } else { $null }
    workgroup    = if ($cs -and -not $cs.PartOfDomain) { $cs.Workgroup } else { $null }
    partOfDomain = if ($cs) { [bool]$cs.PartOfDomain } else { $null }
    manufacturer = if ($cs) { $cs.Manufacturer } else { $null }
    model        = if ($cs) { $cs.Model } else { $null }
    serialNumber = if ($bios) { $bios.SerialNumber } else { $null }
}

$editionId = Get-RegistryValue 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' 'EditionID'
$displayVersion = Get-RegistryValue 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' 'DisplayVersion'
$ubr = Get-RegistryValue 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' 'UBR'
$osFacts = $null
if ($os) {
    $osFacts = [ordered]@{
        caption        = $os.Caption
        version        = $os.Version
        buildNumber    = $os.BuildNumber
        ubr            = $ubr
        displayVersion = $displayVersion
        edition        = $editionId
        productType    = [int]$os.ProductType
        installDate    = ConvertTo-IsoTime $os.InstallDate
        lastBootTime   = ConvertTo-IsoTime $os.LastBootUpTime
    }
}

# --- updates ----------------------------------------------------------------------------
$hotfixes = Get-Section 'hotfixes' {
    , @(Get-HotFix | ForEach-Object {
        [ordered]@{ id = $_.HotFixID; description = $_.Description; installedOn = ConvertTo-IsoDate $_.InstalledOn }
    })
}

$windowsUpdate = Get-Section 'windowsUpdate' {
    $wu = Get-CimInstance -ClassName Win32_Service -Filter "Name='wuauserv'"
    $au = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU'
    [ordered]@{
        serviceStartMode   = if ($wu) { $wu.StartMode } else { $null }
        serviceState       = if ($wu) { $wu.State } else { $null }
        policyNoAutoUpdate = Get-RegistryValue $au 'NoAutoUpdate'
        policyAuOptions    = Get-RegistryValue $au 'AUOptions'
        wsusServer         = Get-RegistryValue 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate' 'WUServer'
    }
}

# --- installed software (64-bit and 32-bit uninstall views) -----------------------------
$software = Get-Section 'software' {
    $views = @(
        @{ path = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*'; arch = 'x64' },
        @{ path = 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\*'; arch = 'x86' }
    )
    $list = New-Object System.Collections.ArrayList
    foreach ($view in $views) {
        $entries = @(Get-ItemProperty -Path $view.path -ErrorAction SilentlyContinue)
        foreach ($e in $entries) {
            if (-not $e.DisplayName) { continue }
            [void]$list.Add([ordered]@{
                name         = [string]$e.DisplayName
                version      = [string]$e.DisplayVersion
                publisher    = [string]$e.Publisher
                installDate  = ConvertFrom-InstallDate ([string]$e.InstallDate)
                architecture = $view.arch
            })
        }
    }
    , $list.ToArray()
}

# --- services and scheduled tasks -------------------------------------------------------
$services = Get-Section 'services' {
    , @(Get-CimInstance -ClassName Win32_Service | ForEach-Object {
        [ordered]@{
            name        = $_.Name
            displayName = $_.DisplayName
            state       = $_.State
            startMode   = $_.StartMode
            account     = $_.StartName
            path        = $_.PathName
        }
    })
}

$scheduledTasks = Get-Section 'scheduledTasks' {
    $tasks = @(Get-ScheduledTask)
    $others = @($tasks | Where-Object { $_.TaskPath -notlike '\Microsoft\*' })
    [ordered]@{
        total      = $tasks.Count
        enabled    = @($tasks | Where-Object { $_.State -ne 'Disabled' }).Count
        nonMicrosoft = @($others | Select-Object -First 200 | ForEach-Object {
            [ordered]@{
                path    = $_.TaskPath
                name    = $_.TaskName
                state   = [string]$_.State
                author  = $_.Author
                runs    = (@($_.Actions | ForEach-Object { $_.Execute }) -join '; ')
            }
        })
    }
}

# --- local accounts and groups ----------------------------------------------------------
$localUsers = Get-Section 'localUsers' {
    # Win32_UserAccount carries the "password never expires" flag itself; Get-LocalUser only
    # shows an expiry date, which is also empty when the policy has no maximum age
    $flags = @{}
    foreach ($a in @(Get-CimInstance -ClassName Win32_UserAccount -Filter 'LocalAccount=True')) {
        $flags[$a.Name] = $a
    }
    , @(Get-LocalUser | ForEach-Object {
        $flag = $flags[$_.Name]
        [ordered]@{
            name                 = $_.Name
            fullName             = $_.FullName
            sid                  = $_.SID.Value
            enabled              = [bool]$_.Enabled
            lastLogon            = ConvertTo-IsoTime $_.LastLogon
            passwordLastSet      = ConvertTo-IsoTime $_.PasswordLastSet
            passwordNeverExpires = if ($flag) { -not [bool]$flag.PasswordExpires } else { $null }
            passwordRequired     = [bool]$_.PasswordRequired
        }
    })
}

function Get-GroupMembers($sid) {
    # well-known SIDs: the group names are translated on Japanese Windows
    , @(Get-LocalGroupMember -SID $sid | ForEach-Object {
        [ordered]@{
            name            = $_.Name
            sid             = if ($_.SID) { $_.SID.Value } else { $null }
            objectClass     = [string]$_.ObjectClass
            principalSource = [string]$_.PrincipalSource
        }
    })
}

$localGroups = [ordered]@{
    administrators     = Get-Section 'localGroups.administrators' { Get-GroupMembers 'S-1-5-32-544' }
    remoteDesktopUsers = Get-Section 'localGroups.remoteDesktopUsers' { Get-GroupMembers 'S-1-5-32-555' }
}

# --- password and lockout policy ("net accounts" without options only reads) ------------
$passwordPolicy = Get-Section 'passwordPolicy' {
    $lines = @(& net accounts | Where-Object { $_ -match ':' })
    if ($lines.Count -lt 8) { throw "unexpected net accounts output ($($lines.Count) lines)" }
    # labels are translated, the order is not: force logoff, min age, max age, min length,
    # history, lockout threshold, lockout duration, lockout window
    # "Never", "None", "Unlimited" (or their translations) stay $null
    $values = New-Object 'object[]' 8
    for ($i = 0; $i -lt 8; $i++) {
        $v = ($lines[$i] -split ':', 2)[1].Trim()
        if ($v -match '^\d+$') { $values[$i] = [int]$v }
    }
    [ordered]@{
        minimumPasswordAgeDays       = $values[1]
        maximumPasswordAgeDays       = $values[2]
        minimumPasswordLength        = $values[3]
        passwordHistoryLength        = $values[4]
        lockoutThreshold             = $values[5]
        lockoutDurationMinutes       = $values[6]
        lockoutObservationMinutes    = $values[7]
        passwordComplexity           = $null
        raw                          = @($lines | Select-Object -First 8 | ForEach-Object { $_.Trim() })
    }
}

# --- USB storage ------------------------------------------------------------------------
$usb = Get-Section 'usb' {
    $rs = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\RemovableStorageDevices'
    $disk = "$rs\{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}"
    [ordered]@{
        usbStorStart        = Get-RegistryValue 'HKLM:\SYSTEM\CurrentControlSet\Services\USBSTOR' 'Start'
        denyAllRemovable    = Get-RegistryValue $rs 'Deny_All'
        removableDiskDenyRead  = Get-RegistryValue $disk 'Deny_Read'
        removableDiskDenyWrite = Get-RegistryValue $disk 'Deny_Write'
    }
}

# --- antivirus --------------------------------------------------------------------------
$products = Get-Section 'antivirus.securityCenter' {
    # SecurityCenter2 exists on client Windows only; servers end up in "errors"
    , @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName AntiVirusProduct | ForEach-Object {
        $state = [int]$_.productState
        [ordered]@{
            name         = $_.displayName
            productState = $state
            enabled      = ((($state -shr 12) -band 0xF) -eq 1)
            upToDate     = ((($state -shr 4) -band 0xF) -eq 0)
            timestamp    = $_.timestamp
        }
    })
}
$defender = Get-Section 'antivirus.defender' {
    $mp = Get-MpComputerStatus
    [ordered]@{
        serviceEnabled            = [bool]$mp.AMServiceEnabled
        antivirusEnabled          = [bool]$mp.AntivirusEnabled
        realTimeProtectionEnabled = [bool]$mp.RealTimeProtectionEnabled
        runningMode               = [string]$mp.AMRunningMode
        signatureVersion          = $mp.AntivirusSignatureVersion
        signatureLastUpdated      = ConvertTo-IsoTime $mp.AntivirusSignatureLastUpdated
        signatureAgeDays          = $mp.AntivirusSignatureAge
    }
}
$antivirus = [ordered]@{ products = $products; defender = $defender }

# --- remote desktop and firewall --------------------------------------------------------
$remoteDesktop = Get-Section 'remoteDesktop' {
    $ts = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
    $deny = Get-RegistryValue 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services' 'fDenyTSConnections'
    if ($null -eq $deny) { $deny = Get-RegistryValue $ts 'fDenyTSConnections' }
    $nla = Get-RegistryValue "$ts\WinStations\RDP-Tcp" 'UserAuthentication'
    [ordered]@{
        enabled     = if ($null -eq $deny) { $null } else { [int]$deny -eq 0 }
        nlaRequired = if ($null -eq $nla) { $null } else { [int]$nla -eq 1 }
        port        = Get-RegistryValue "$ts\WinStations\RDP-Tcp" 'PortNumber'
    }
}

$firewall = Get-Section 'firewall' {
    , @(Get-NetFirewallProfile | ForEach-Object {
        [ordered]@{
            profile               = [string]$_.Name
            enabled               = [string]$_.Enabled -eq 'True'
            defaultInboundAction  = [string]$_.DefaultInboundAction
        }
    })
}

$networkAdapters = Get-Section 'networkAdapters' {
    , @(Get-CimInstance -ClassName Win32_NetworkAdapterConfiguration -Filter 'IPEnabled=True' | ForEach-Object {
        [ordered]@{
            description = $_.Description
            macAddress  = $_.MACAddress
            ipAddresses = @($_.IPAddress)
            dhcpEnabled = [bool]$_.DHCPEnabled
        }
    })
}

# --- event logs (size, retention, and what the Security log holds) ----------------------
$eventLogs = Get-Section 'eventLogs' {
    , @('Security', 'System', 'Application' | ForEach-Object {
        $logName = $_
        $log = Get-WinEvent -ListLog $logName
        $oldest = $null
        try {
            $first = Get-WinEvent -LogName $logName -MaxEvents 1 -Oldest
            $oldest = ConvertTo-IsoTime $first.TimeCreated
        } catch {
            [void]$errors.Add("eventLogs.${logName}.oldest: $($_.Exception.Message)")
        }
        [ordered]@{
            logName          = $logName
            enabled          = [bool]$log.IsEnabled
            maximumSizeBytes = $log.MaximumSizeInBytes
            fileSizeBytes    = $log.FileSize
            recordCount      = $log.RecordCount
            retentionMode    = [string]$log.LogMode
            oldestRecordTime = $oldest
        }
    })
}

# --- BitLocker --------------------------------------------------------------------------
$bitlocker = Get-Section 'bitlocker' {
    , @(Get-BitLockerVolume | ForEach-Object {
        [ordered]@{
            mountPoint       = $_.MountPoint
            volumeType       = [string]$_.VolumeType
            protectionStatus = [string]$_.ProtectionStatus
            volumeStatus     = [string]$_.VolumeStatus
            encryptionMethod = [string]$_.EncryptionMethod
        }
    })
}

# --- write the one output file ----------------------------------------------------------
$facts = [ordered]@{
    schemaVersion    = $schemaVersion
    collectorVersion = $collectorVersion
    collectedAt      = ConvertTo-IsoTime (Get-Date)
    computer         = $computer
    os               = $osFacts
    hotfixes         = $hotfixes
    windowsUpdate    = $windowsUpdate
    software         = $software
    services         = $services
    scheduledTasks   = $scheduledTasks
    localUsers       = $localUsers
    localGroups      = $localGroups
    passwordPolicy   = $passwordPolicy
    usb              = $usb
    antivirus        = $antivirus
    remoteDesktop    = $remoteDesktop
    firewall         = $firewall
    networkAdapters  = $networkAdapters
    eventLogs        = $eventLogs
    bitlocker        = $bitlocker
    errors           = @($errors)
}

$json = $facts | ConvertTo-Json -Depth 8
$fileName = '{0}_{1}.json' -f $env:COMPUTERNAME, (Get-Date).ToString('yyyyMMdd-HHmmss', $invariant)
$outputPath = Join-Path -Path (Resolve-Path -LiteralPath $OutputDirectory).Path -ChildPath $fileName
# UTF-8 without a byte-order mark (the file cmdlets of 5.1 write UTF-16 or add a BOM)
[System.IO.File]::WriteAllText($outputPath, $json, (New-Object System.Text.UTF8Encoding($false)))
Write-Output "Mamori: wrote $outputPath"
if ($errors.Count -gt 0) {
    Write-Output ("Mamori: {0} section(s) could not be read (see ""errors"" in the file)." -f $errors.Count)
}
