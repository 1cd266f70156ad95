import io
import zipfile

from openpyxl import load_workbook


def file_texts(directory):
    """Every file below `directory` as text, XLSX and ZIP members unpacked."""
    texts = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            texts.update(blob_texts(path.name, path.read_bytes()))
    return texts


def blob_texts(name, data):
    if zipfile.is_zipfile(io.BytesIO(data)):
        texts = {}
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                texts.update(blob_texts(f"{name}/{member}", archive.read(member)))
        return texts
    return {name: data.decode("utf-8")}


def xlsx_rows(path_or_bytes):
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    sheet = load_workbook(source, read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]
