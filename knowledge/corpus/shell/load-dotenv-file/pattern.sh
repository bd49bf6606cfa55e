# load_dotenv [FILE] [--override]: export the KEY=value lines of FILE (default .env).
# Lines: `KEY=value`, `export KEY=value`, `KEY="quoted value"`, `KEY='literal'`, `# comments`.
# Unquoted values lose a trailing ` # comment` and surrounding spaces. Nothing is executed or
# expanded. Variables already set keep their value unless --override is given.
# Returns 1 (naming the line) on a line that is not KEY=value, 1 if FILE is unreadable.
load_dotenv() {
  local file=${1:-.env} override=${2:-} line key value n=0
  [[ -r $file ]] || { echo "load_dotenv: cannot read $file" >&2; return 1; }
  while IFS= read -r line || [[ -n $line ]]; do   # the || keeps a last line without newline
    n=$((n + 1))
    line=${line%$'\r'}                              # files saved on Windows
    [[ $line =~ ^[[:space:]]*(#.*)?$ ]] && continue
    if [[ ! $line =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=[[:space:]]*(.*)$ ]]; then
      echo "load_dotenv: $file:$n: expected KEY=value" >&2
      return 1
    fi
    key=${BASH_REMATCH[2]} value=${BASH_REMATCH[3]}
    if [[ $value =~ ^\"(.*)\"[[:space:]]*(#.*)?$ || $value =~ ^\'(.*)\'[[:space:]]*(#.*)?$ ]]; then
      value=${BASH_REMATCH[1]}
    else
      value=${value%%[[:space:]]#*}                   # drop an inline " # comment"
      value=${value%"${value##*[![:space:]]}"}        # and trailing spaces
    fi
    if [[ $override == --override || -z ${!key+set} ]]; then
      export "$key=$value"
    fi
  done < "$file"
}
