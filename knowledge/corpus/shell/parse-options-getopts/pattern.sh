usage() {
  echo "usage: ${0##*/} [-v] [-n COUNT] [-o OUTPUT] [--] FILE..."
}

# parse_args "$@": sets VERBOSE (0/1), COUNT, OUTPUT and the array FILES.
# Prints usage and exits 0 for -h; on bad usage prints why (and usage) on stderr and returns 2,
# so call it as: parse_args "$@" || exit
parse_args() {
  VERBOSE=0 COUNT=1 OUTPUT=-
  FILES=()
  # Leading ':' = silent mode: we print our own errors. 'n:' = -n takes a value.
  # OPTIND is local so a second call starts from the first argument again.
  local opt OPTARG OPTIND=1
  while getopts ':hvn:o:' opt; do
    case $opt in
      h) usage; exit 0 ;;
      v) VERBOSE=1 ;;
      n) [[ $OPTARG =~ ^[0-9]+$ ]] || { echo "${0##*/}: -n needs a number, got '$OPTARG'" >&2; return 2; }
         COUNT=$OPTARG ;;
      o) OUTPUT=$OPTARG ;;
      :) echo "${0##*/}: option -$OPTARG needs a value" >&2; usage >&2; return 2 ;;
      \?) echo "${0##*/}: unknown option -$OPTARG" >&2; usage >&2; return 2 ;;
    esac
  done
  shift $((OPTIND - 1))   # drop the parsed options (and a '--'); what is left are operands
  FILES=("$@")
  if ((${#FILES[@]} == 0)); then
    echo "${0##*/}: no FILE given" >&2; usage >&2; return 2
  fi
}
