# _sed_literal TEXT: TEXT escaped to match itself in a sed regex (with / as the delimiter).
_sed_literal() { printf '%s' "$1" | sed -e 's/[]\/$*.^[]/\\&/g'; }
# _sed_replacement TEXT: TEXT escaped for the replacement side (\, / and & are special there).
_sed_replacement() { printf '%s' "$1" | sed -e 's/[\/&]/\\&/g'; }

# replace_in_files FROM TO FILE...: replace every occurrence of the literal string FROM with TO.
# Files that do not contain FROM are not rewritten (their modification time stays).
replace_in_files() {
  local from=${1:-} to=${2-} file script
  if (($# < 2)) || [[ -z $from || $from == *$'\n'* || $to == *$'\n'* ]]; then
    echo "usage: replace_in_files FROM TO FILE... (FROM non-empty; both on one line)" >&2
    return 2
  fi
  shift 2
  script="s/$(_sed_literal "$from")/$(_sed_replacement "$to")/g"
  for file in "$@"; do
    grep -qF -- "$from" "$file" || continue
    sed -i -e "$script" -- "$file" || return
  done
}

# replace_in_tree FROM TO DIR [NAME_GLOB]: the same for every text file below DIR whose name
# matches NAME_GLOB (e.g. '*.yml'), skipping .git and binary files.
replace_in_tree() {
  local from=${1:-} to=${2-} dir=${3:-} glob=${4:-*} files=() file
  [[ -n $from && -d $dir ]] || { echo "usage: replace_in_tree FROM TO DIR [NAME_GLOB]" >&2; return 2; }
  # -Z and read -d '' pass names NUL-separated, so spaces and newlines in names are safe.
  while IFS= read -r -d '' file; do
    files+=("$file")
  done < <(grep -rlIZF --exclude-dir=.git --include="$glob" -- "$from" "$dir")
  ((${#files[@]} == 0)) || replace_in_files "$from" "$to" "${files[@]}"
}
