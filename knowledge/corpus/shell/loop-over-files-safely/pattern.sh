# for_each_file DIR GLOB COMMAND [ARGS...]
# Runs COMMAND ARGS FILE for every regular file under DIR (recursively) whose name matches GLOB
# ('*.log'), in sorted order. Runs in the current shell, so COMMAND may be a function that
# updates variables. Hidden files and directories are skipped. Returns the number of failed
# runs (0 when all succeeded or nothing matched), at most 255.
for_each_file() {
  local dir=${1:-} glob=${2:-} saved file failures=0 files
  [[ -d $dir && -n $glob ]] && (($# >= 3)) || { echo "usage: for_each_file DIR GLOB COMMAND [ARGS...]" >&2; return 2; }
  shift 2
  # globstar: ** descends into subdirectories; nullglob: no match gives no words instead of
  # the pattern itself. Restore the caller's settings (shopt -p fails when any is off).
  saved=$(shopt -p globstar nullglob dotglob) || true
  shopt -s globstar nullglob
  shopt -u dotglob
  files=("${dir%/}"/**/$glob)      # DIR quoted (taken literally), GLOB unquoted (a pattern)
  eval "$saved"
  for file in "${files[@]}"; do
    [[ -f $file ]] || continue
    # DIR/ in front keeps a name like "-rf" from looking like an option.
    "$@" "$file" || failures=$((failures + 1))   # not ((failures++)): it "fails" at 0 under set -e
  done
  return $((failures > 255 ? 255 : failures))
}

# For huge trees, or find's filters (-mtime, -size), stream NUL-separated names from find.
# The < <(...) keeps the loop in this shell; `find ... | while` would run it in a subshell.
#   while IFS= read -r -d '' file; do
#     echo "$file"
#   done < <(find "$dir" -type f -name '*.log' -print0)
