set -u
source ./pattern.sh

# Succeeds on the third try.
echo 0 > count
flaky() {
  local n=$(($(cat count) + 1))
  echo "$n" > count
  ((n >= 3))
}
retry 5 0 flaky 2>/dev/null || { echo "expected success"; exit 1; }
[[ $(cat count) == 3 ]] || { echo "expected 3 tries, got $(cat count)"; exit 1; }

# Gives up with the command's status.
retry 2 0 sh -c 'exit 7' 2>/dev/null
status=$?
[[ $status == 7 ]] || { echo "expected status 7, got $status"; exit 1; }
echo ok
