# Activates the virtual environment __AXLE_LOCATION__
# in PowerShell:
#
#     . __AXLE_LOCATION__/bin/Activate.ps1
#
# Its python and scripts then come first on PATH; `deactivate` returns to how things were.
# Written by `axle venv`.

# An environment that is active already, made by axle or another tool, is left first.
if (Get-Command -Name deactivate -CommandType Function -ErrorAction SilentlyContinue) {
    deactivate
}

function global:deactivate {
    if (Test-Path -Path variable:global:_axle_saved_path) {
        $env:PATH = $global:_axle_saved_path
        Remove-Variable -Name _axle_saved_path -Scope Global
    }
    if (Test-Path -Path variable:global:_axle_saved_pythonhome) {
        $env:PYTHONHOME = $global:_axle_saved_pythonhome
        Remove-Variable -Name _axle_saved_pythonhome -Scope Global
    }
    if (Test-Path -Path variable:global:_axle_saved_prompt) {
        Set-Item -Path function:global:prompt -Value $global:_axle_saved_prompt
        Remove-Variable -Name _axle_saved_prompt -Scope Global
    }
    Remove-Item -Path env:VIRTUAL_ENV -ErrorAction SilentlyContinue
    Remove-Item -Path env:VIRTUAL_ENV_PROMPT -ErrorAction SilentlyContinue
    Remove-Item -Path function:global:deactivate -ErrorAction SilentlyContinue
}

$env:VIRTUAL_ENV = __AXLE_VENV__
$env:VIRTUAL_ENV_PROMPT = __AXLE_PROMPT__

$global:_axle_saved_path = $env:PATH
$env:PATH = (Join-Path -Path $env:VIRTUAL_ENV -ChildPath 'bin') + [System.IO.Path]::PathSeparator + $env:PATH

# PYTHONHOME would point the environment's python at another installation's library.
if (Test-Path -Path env:PYTHONHOME) {
    $global:_axle_saved_pythonhome = $env:PYTHONHOME
    Remove-Item -Path env:PYTHONHOME
}

if (-not $env:VIRTUAL_ENV_DISABLE_PROMPT) {
    $global:_axle_saved_prompt = $function:prompt
    function global:prompt {
        "($env:VIRTUAL_ENV_PROMPT) " + (& $global:_axle_saved_prompt)
    }
}
