# require_commands NAME...: succeed when every NAME can be run (a program on PATH, a builtin or a
# function); otherwise print every missing NAME in one message and return 1.
# Typical use: require_commands git jq curl || exit
require_commands() {
  local name missing=()
  for name in "$@"; do
    command -v -- "$name" >/dev/null 2>&1 || missing+=("$name")
  done
  if ((${#missing[@]} > 0)); then
    echo "${0##*/}: missing required command(s): ${missing[*]} (install them or add them to PATH)" >&2
    return 1
  fi
}

# require_bash_version MAJOR[.MINOR]: fail unless this bash is at least that version,
# e.g. require_bash_version 4.4 before using mapfile -d or inherit_errexit.
require_bash_version() {
  local want=${1:-} major minor
  [[ $want =~ ^([0-9]+)(\.([0-9]+))?$ ]] || { echo "usage: require_bash_version MAJOR[.MINOR]" >&2; return 2; }
  major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[3]:-0}
  if ((BASH_VERSINFO[0] < major || (BASH_VERSINFO[0] == major && BASH_VERSINFO[1] < minor))); then
    echo "${0##*/}: needs bash $want or newer, this is $BASH_VERSION" >&2
    return 1
  fi
}
