set -u
source ./pattern.sh
fail() { echo "FAIL: $*"; exit 1; }

require_commands bash grep sed || fail "installed commands pass"
require_commands || fail "nothing required is fine"
my_helper() { :; }
require_commands my_helper cd || fail "functions and builtins count"

require_commands grep kiln-no-such-tool sed another-missing-tool 2> err; status=$?
[[ $status == 1 ]] || fail "missing command fails, got $status"
[[ $(cat err) == *"missing required command(s): kiln-no-such-tool another-missing-tool "* ]] || fail "lists all missing: $(cat err)"
[[ $(cat err) != *grep* ]] || fail "present commands are not listed"

# Follows PATH: with an empty PATH, external programs are missing.
(PATH=/nonexistent; require_commands grep) 2>/dev/null && fail "PATH respected"

require_bash_version 3 || fail "bash 3"
require_bash_version "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}" || fail "exactly this version"
require_bash_version "$((BASH_VERSINFO[0] + 1))" 2>/dev/null && fail "next major must fail"
require_bash_version "${BASH_VERSINFO[0]}.$((BASH_VERSINFO[1] + 1))" 2> err && fail "next minor must fail"
[[ $(cat err) == *"this is $BASH_VERSION"* ]] || fail "version message: $(cat err)"
require_bash_version four 2>/dev/null; [[ $? == 2 ]] || fail "bad version argument"
echo ok
