"""A small `todo` tool: `todo add TEXT [--priority N]`, `todo list [--limit N] [--format {text,json}]`."""
import argparse
import json
import sys
from typing import Sequence, TextIO


def positive_int(text: str) -> int:
    """argparse type: converts or raises ArgumentTypeError, which argparse reports as a usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="todo", description="Keep a list of things to do.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more output (repeatable)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    add = commands.add_parser("add", help="add an item")
    add.add_argument("text", nargs="+", help="what to do (words are joined)")
    add.add_argument("-p", "--priority", type=positive_int, default=3)
    add.add_argument("--dry-run", action="store_true", help="show what would be added")

    show = commands.add_parser("list", help="show items")
    show.add_argument("--limit", type=positive_int)
    show.add_argument("--format", choices=["text", "json"], default="text")
    return parser


def main(argv: Sequence[str] | None = None, *, items: list[dict] | None = None, out: TextIO = sys.stdout) -> int:
    """Runs the tool; returns the process exit code. argv=None means sys.argv[1:].

    `items` stands in for storage so the example is self-contained.
    Bad arguments make argparse print usage to stderr and raise SystemExit(2).
    """
    args = build_parser().parse_args(argv)
    items = [] if items is None else items
    if args.command == "add":
        item = {"text": " ".join(args.text), "priority": args.priority}
        if args.dry_run:
            print(f"would add: {item['text']}", file=out)
            return 0
        items.append(item)
        if args.verbose:
            print(f"added: {item['text']} (priority {item['priority']})", file=out)
        return 0
    shown = sorted(items, key=lambda item: item["priority"])[: args.limit]
    if args.format == "json":
        print(json.dumps(shown), file=out)
    else:
        for item in shown:
            print(f"[{item['priority']}] {item['text']}", file=out)
    return 0 if shown else 1


if __name__ == "__main__":
    sys.exit(main())
