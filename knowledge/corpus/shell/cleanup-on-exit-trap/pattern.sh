_on_exit_commands=()

# on_exit COMMAND [ARGS...]: run COMMAND when the script exits, however it exits.
# Arguments are quoted now (printf %q), so paths with spaces or $ are safe. Actions run last
# registered first; a failing action does not stop the others. Use on_exit for every exit action:
# a plain `trap ... EXIT` elsewhere replaces this one.
on_exit() {
  local command
  printf -v command '%q ' "$@"
  _on_exit_commands+=("$command")
  # bash runs the EXIT trap on a normal end, on exit, when set -e stops the script and when it is
  # killed by INT (Ctrl-C), TERM or HUP; nothing runs on kill -9. (In sh/dash, also trap those
  # signals with `trap 'exit 130' INT` and so on, or EXIT is skipped.)
  trap _run_on_exit EXIT
}

_run_on_exit() {
  local i
  for ((i = ${#_on_exit_commands[@]} - 1; i >= 0; i--)); do
    eval "${_on_exit_commands[i]}" || true
  done
}

# make_temp_dir VAR: create a private temporary directory, put its path in VAR, delete it on exit.
# Call it directly, not as dir=$(make_temp_dir): $(...) is a subshell, and its own EXIT trap would
# delete the directory the moment the substitution finishes.
make_temp_dir() {
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/script.XXXXXX") || return
  on_exit rm -rf -- "$dir"
  printf -v "$1" '%s' "$dir"
}
