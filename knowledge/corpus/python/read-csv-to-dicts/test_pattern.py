import os
import tempfile
import unittest

from pattern import CsvFormatError, read_csv_dicts


class ReadCsvDictsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, content: str, encoding: str = "utf-8") -> str:
        path = os.path.join(self.tmp.name, "data.csv")
        with open(path, "w", encoding=encoding, newline="") as f:
            f.write(content)
        return path

    def test_reads_rows_as_dicts(self):
        path = self.write("name,age\r\nAda,36\r\nAlan,41\r\n")
        self.assertEqual(read_csv_dicts(path), [{"name": "Ada", "age": "36"}, {"name": "Alan", "age": "41"}])

    def test_strips_bom_and_header_whitespace(self):
        path = self.write("id , name\n1,x\n", encoding="utf-8-sig")
        self.assertEqual(read_csv_dicts(path, required=["id"]), [{"id": "1", "name": "x"}])

    def test_quoted_commas_and_newlines(self):
        path = self.write('id,note\n1,"hello, world"\n2,"line one\nline two"\n')
        rows = read_csv_dicts(path)
        self.assertEqual(rows[0]["note"], "hello, world")
        self.assertEqual(rows[1]["note"], "line one\nline two")
        self.assertEqual(len(rows), 2)

    def test_converters_and_empty_cells(self):
        path = self.write("sku,qty,price\na,3,1.5\nb,,2\n")
        rows = read_csv_dicts(path, converters={"qty": int, "price": float})
        self.assertEqual(rows, [{"sku": "a", "qty": 3, "price": 1.5}, {"sku": "b", "qty": None, "price": 2.0}])

    def test_bad_conversion_names_line_and_column(self):
        path = self.write("sku,qty\na,3\nb,lots\n")
        with self.assertRaisesRegex(CsvFormatError, r":3: column qty"):
            read_csv_dicts(path, converters={"qty": int})

    def test_missing_required_column(self):
        path = self.write("name\nAda\n")
        with self.assertRaisesRegex(CsvFormatError, "email"):
            read_csv_dicts(path, required=["name", "email"])

    def test_ragged_rows(self):
        self.assertEqual(read_csv_dicts(self.write("a,b\n1\n")), [{"a": "1", "b": ""}])
        with self.assertRaises(CsvFormatError):
            read_csv_dicts(self.write("a,b\n1,2,3\n"))

    def test_empty_file_and_header_only(self):
        with self.assertRaises(CsvFormatError):
            read_csv_dicts(self.write(""))
        self.assertEqual(read_csv_dicts(self.write("a,b\n")), [])

    def test_other_delimiter(self):
        path = self.write("a;b\n1;2\n")
        self.assertEqual(read_csv_dicts(path, delimiter=";"), [{"a": "1", "b": "2"}])


if __name__ == "__main__":
    unittest.main()
