import os
import subprocess
from dataclasses import dataclass
from typing import Mapping, Sequence


@dataclass(frozen=True)
class CommandResult:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str


class CommandError(RuntimeError):
    """The command failed to start, exited non-zero, or timed out. `.result` is None unless it exited."""

    def __init__(self, message: str, result: CommandResult | None = None) -> None:
        super().__init__(message)
        self.result = result


def run_command(
    args: Sequence[str],
    *,
    timeout: float = 60.0,
    check: bool = True,
    cwd: str | None = None,
    env: Mapping[str, str] | None = None,
    input: str | None = None,
) -> CommandResult:
    """Runs args (a list: no shell, so no quoting bugs or injection) and returns its captured output.

    - stdout/stderr are decoded as UTF-8 (invalid bytes replaced), so odd output never crashes the caller.
    - env entries are added to the current environment rather than replacing it (PATH stays).
    - On timeout the child is killed and CommandError raised. With check=True a non-zero exit raises
      CommandError whose message includes the tail of stderr; with check=False the result is returned.
    - stdin is closed (or fed `input`), so a command waiting for input cannot hang forever.
    """
    args = [os.fspath(arg) for arg in args]
    try:
        completed = subprocess.run(
            args,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            cwd=cwd,
            env={**os.environ, **env} if env else None,
            input=input,
            stdin=None if input is not None else subprocess.DEVNULL,
        )
    except FileNotFoundError as error:
        raise CommandError(f"command not found: {args[0]}") from error
    except subprocess.TimeoutExpired as error:
        raise CommandError(f"{args[0]} timed out after {timeout}s") from error
    result = CommandResult(args, completed.returncode, completed.stdout, completed.stderr)
    if check and completed.returncode != 0:
        tail = completed.stderr.strip()[-500:]
        raise CommandError(f"{args[0]} exited with status {completed.returncode}: {tail}", result)
    return result
