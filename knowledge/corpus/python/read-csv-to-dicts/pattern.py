import csv
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping


class CsvFormatError(ValueError):
    """The CSV does not have the expected columns, or a row does not fit the header."""


def read_csv_dicts(
    path: str | Path,
    *,
    required: Iterable[str] = (),
    converters: Mapping[str, Callable[[str], Any]] | None = None,
    delimiter: str = ",",
) -> list[dict[str, Any]]:
    """Returns one dict per data row, keyed by the (whitespace-stripped) header names.

    - Opens with newline="" (required by the csv module, or quoted line breaks get mangled) and
      encoding "utf-8-sig", which drops the byte-order mark Excel writes.
    - Raises CsvFormatError if a `required` column is missing or a row has more fields than the header.
      Short rows get "" for the missing fields.
    - `converters` maps column name to a function applied to that column's text (e.g. int); a failed
      conversion raises CsvFormatError naming the line and column. Empty cells become None.
    Blank lines are skipped. Everything is read into memory; iterate csv.DictReader for huge files.
    """
    converters = dict(converters or {})
    with open(path, newline="", encoding="utf-8-sig") as file:
        reader = csv.DictReader(file, delimiter=delimiter, restval="")
        if reader.fieldnames is None:
            raise CsvFormatError(f"{path}: empty file, no header row")
        reader.fieldnames = [name.strip() for name in reader.fieldnames]
        missing = [name for name in required if name not in reader.fieldnames]
        if missing:
            raise CsvFormatError(f"{path}: missing column(s) {', '.join(missing)}")
        rows: list[dict[str, Any]] = []
        for row in reader:
            if None in row:  # DictReader puts surplus fields under the key None
                raise CsvFormatError(f"{path}:{reader.line_num}: more fields than the header has")
            for column, convert in converters.items():
                text = row.get(column, "")
                try:
                    row[column] = convert(text) if text != "" else None
                except ValueError as error:
                    raise CsvFormatError(f"{path}:{reader.line_num}: column {column}: {error}") from error
            rows.append(row)
        return rows
