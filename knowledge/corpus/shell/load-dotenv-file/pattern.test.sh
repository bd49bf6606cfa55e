set -u
source ./pattern.sh
fail() { echo "FAIL: $*"; exit 1; }

cat > .env <<'ENV'
# database settings
DB_HOST=localhost
  DB_PORT = 5432   # inline comment

export API_URL=https://example.com/api?a=1&b=2
GREETING="hello   world # not a comment"
PATTERN='$HOME stays literal'
DANGER=$(touch pwned); touch pwned2
EMPTY=
ENV
printf 'WINDOWS=crlf\r\nLAST=no newline' >> .env

unset DB_HOST DB_PORT API_URL GREETING PATTERN DANGER EMPTY WINDOWS LAST
load_dotenv || fail "load status"
[[ $DB_HOST == localhost && $DB_PORT == 5432 ]] || fail "plain values, spaces and comment trimmed: '$DB_HOST' '$DB_PORT'"
[[ $API_URL == 'https://example.com/api?a=1&b=2' ]] || fail "export prefix and = in value: $API_URL"
[[ $GREETING == 'hello   world # not a comment' ]] || fail "double quotes keep spaces and #: $GREETING"
[[ $PATTERN == '$HOME stays literal' ]] || fail "no expansion: $PATTERN"
[[ $DANGER == '$(touch pwned); touch pwned2' && ! -e pwned && ! -e pwned2 ]] || fail "nothing executed: $DANGER"
[[ -n ${EMPTY+set} && -z $EMPTY ]] || fail "empty value is set"
[[ $WINDOWS == crlf && $LAST == 'no newline' ]] || fail "CRLF and last line: '$WINDOWS' '$LAST'"
[[ $(bash -c 'echo "$DB_HOST"') == localhost ]] || fail "variables are exported"

# Existing variables win unless --override.
export DB_HOST=from-environment
load_dotenv .env
[[ $DB_HOST == from-environment ]] || fail "environment wins by default"
load_dotenv .env --override
[[ $DB_HOST == localhost ]] || fail "--override"

printf 'GOOD=1\nnot a setting\n' > bad.env
load_dotenv bad.env 2> err && fail "bad line must fail"
[[ $(cat err) == "load_dotenv: bad.env:2: expected KEY=value" ]] || fail "names the line: $(cat err)"
printf '1ABC=x\n' > bad.env
load_dotenv bad.env 2>/dev/null && fail "invalid name must fail"
load_dotenv missing.env 2>/dev/null && fail "missing file must fail"
echo ok
