# Activates the virtual environment __AXLE_LOCATION__
# in csh or tcsh:
#
#     source __AXLE_LOCATION__/bin/activate.csh
#
# Its python and scripts then come first on PATH; `deactivate` returns to how things were.
# Written by `axle venv`.

# An environment that is active already, made by axle or another tool, is left first.
if ( "`alias deactivate`" != "" ) deactivate

# csh substitutes every variable of a one-line `if` before testing it, so each variable
# the alias reads is always set, with a flag saying whether its value is to be restored.
alias deactivate 'setenv PATH "$_axle_saved_path"; if ($_axle_had_pythonhome) setenv PYTHONHOME "$_axle_saved_pythonhome"; if ($_axle_had_prompt) set prompt="$_axle_saved_prompt"; unset _axle_saved_path _axle_had_pythonhome _axle_saved_pythonhome _axle_had_prompt _axle_saved_prompt; unsetenv VIRTUAL_ENV; unsetenv VIRTUAL_ENV_PROMPT; rehash; unalias deactivate'

setenv VIRTUAL_ENV __AXLE_VENV__
setenv VIRTUAL_ENV_PROMPT __AXLE_PROMPT__

set _axle_saved_path="$PATH"
setenv PATH "${VIRTUAL_ENV}/bin:${PATH}"

# PYTHONHOME would point the environment's python at another installation's library.
set _axle_had_pythonhome=$?PYTHONHOME
set _axle_saved_pythonhome=""
if ($_axle_had_pythonhome) then
    set _axle_saved_pythonhome="$PYTHONHOME"
    unsetenv PYTHONHOME
endif

set _axle_had_prompt=0
set _axle_saved_prompt=""
if (! $?VIRTUAL_ENV_DISABLE_PROMPT) then
    if ($?prompt) then
        set _axle_had_prompt=1
        set _axle_saved_prompt="$prompt"
        set prompt="(${VIRTUAL_ENV_PROMPT}) $prompt"
    endif
endif

rehash
