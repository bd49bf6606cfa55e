# Call enable_strict_mode at the top of a script, right after sourcing this file:
#   -e           exit as soon as a command fails
#   -u           using an unset variable is an error (use ${VAR:-default} for optional ones)
#   -o pipefail  a pipeline fails when any stage fails, not only the last one
#   -E           the ERR trap also fires inside functions and subshells
# inherit_errexit (bash 4.4+) makes $(...) stop at its first failure too.
# -e does NOT fire for: if/while/until conditions, commands before && or ||, commands after !,
# anything called from those (a function used as `if f; then` runs without -e), and
# `local x=$(cmd)`, where local's own status hides cmd's (write `local x; x=$(cmd)`).
enable_strict_mode() {
  set -Eeuo pipefail
  shopt -s inherit_errexit 2>/dev/null || true
  trap 'on_error "$?" "$LINENO" "$BASH_COMMAND"' ERR
}

# Run by the ERR trap: says what failed and where, on stderr. The script then exits with the
# command's status (because of -e).
on_error() {
  local status=$1 line=$2 command=$3
  echo "${0##*/}: line $line: '$command' failed with status $status" >&2
}

# die MESSAGE [STATUS]: stop the script with a message on stderr (status 1 by default).
die() {
  echo "${0##*/}: $1" >&2
  exit "${2:-1}"
}
