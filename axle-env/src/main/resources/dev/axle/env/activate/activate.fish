# Activates the virtual environment __AXLE_LOCATION__
# in fish:
#
#     source __AXLE_LOCATION__/bin/activate.fish
#
# Its python and scripts then come first on PATH; `deactivate` returns to how things were.
# Written by `axle venv`.

# An environment that is active already, made by axle or another tool, is left first.
if functions -q deactivate
    deactivate
end

function deactivate --description 'Leave the virtual environment'
    if set -q _axle_saved_path
        set -gx PATH $_axle_saved_path
        set -e _axle_saved_path
    end
    if set -q _axle_saved_pythonhome
        set -gx PYTHONHOME $_axle_saved_pythonhome
        set -e _axle_saved_pythonhome
    end
    if functions -q _axle_saved_fish_prompt
        functions -e fish_prompt
        functions -c _axle_saved_fish_prompt fish_prompt
        functions -e _axle_saved_fish_prompt
    end
    functions -e _axle_status
    set -e VIRTUAL_ENV
    set -e VIRTUAL_ENV_PROMPT
    functions -e deactivate
end

set -gx VIRTUAL_ENV __AXLE_VENV__
set -gx VIRTUAL_ENV_PROMPT __AXLE_PROMPT__

set -g _axle_saved_path $PATH
set -gx PATH "$VIRTUAL_ENV/bin" $PATH

# PYTHONHOME would point the environment's python at another installation's library.
if set -q PYTHONHOME
    set -g _axle_saved_pythonhome $PYTHONHOME
    set -e PYTHONHOME
end

if test -z "$VIRTUAL_ENV_DISABLE_PROMPT"; and functions -q fish_prompt
    functions -c fish_prompt _axle_saved_fish_prompt
    # Sets $status for the saved prompt, which may show the last command's status.
    function _axle_status
        return $argv[1]
    end
    function fish_prompt
        set -l last_status $status
        printf '(%s) ' $VIRTUAL_ENV_PROMPT
        _axle_status $last_status
        _axle_saved_fish_prompt
    end
end
