"""Wordings for data files as files: missing, too big, damaged, badly encoded, badly shaped."""

from __future__ import annotations

from .model import Template

_RESAVE_XLSX_EN = "this is not a normal spreadsheet; save the data again from Excel, or export CSV"
_RESAVE_XLSX_JA = (
    "通常の表計算ファイルではありません。Excel で保存し直すか、CSV で書き出してください"
)
_ENCODING_EN = "save it as 'CSV UTF-8' (Excel: 名前を付けて保存 → CSV UTF-8), or give --encoding"
_ENCODING_JA = (
    "「CSV UTF-8」で保存してください（Excel: 名前を付けて保存 → CSV UTF-8）。"
    "コマンドでは --encoding で文字コードを指定できます"
)

# -- the file as a whole ----------------------------------------------------------------------
NO_SUCH_FILE = Template(
    "file.missing", "no such file", "ファイルがありません", "check the path {path!r}",
    "パス「{path}」を確かめてください",
)  # fmt: skip
UNKNOWN_TYPE = Template(
    "file.unknown_type",
    "unknown file type {suffix!r}",
    "扱えない種類のファイルです（拡張子「{suffix}」）",
    "give a file ending in {suffixes}",
    "{suffixes} のファイルを送ってください",
)
TOO_LARGE = Template(
    "file.too_large",
    "the file is {size}, over the {limit} limit",
    "ファイルが {size} で、上限 {limit} を超えています",
    "split the file, or raise the limit with --max-file-size",
    "ファイルを分けてください（コマンドでは --max-file-size で上限を上げられます）",
)
XLSX_TOO_LARGE = Template(
    "file.xlsx_too_large",
    "the file is {size}, over the {limit} limit for XLSX",
    "ファイルが {size} で、XLSX の上限 {limit} を超えています",
    "export the data as CSV, or raise the limit with --max-file-size",
    "CSV で書き出してください（コマンドでは --max-file-size で上限を上げられます）",
)
EMPTY = Template(
    "file.empty",
    "the file is empty",
    "ファイルが空です",
    "give a file with a header row and data rows",
    "見出し行とデータ行のあるファイルを送ってください",
)
EMPTY_XLSX = Template(
    "file.empty_xlsx", "the file is empty", "ファイルが空です", "give a saved XLSX workbook",
    "保存した XLSX ブックを送ってください",
)  # fmt: skip
BINARY = Template(
    "file.binary",
    "a binary file, not CSV text",
    "CSV のテキストではなくバイナリのファイルです",
    "give a CSV or an XLSX file",
    "CSV か XLSX のファイルを送ってください",
)
# -- encodings --------------------------------------------------------------------------------
UTF16 = Template(
    "encoding.utf16", "the file is UTF-16 text", "UTF-16 のテキストファイルです",
    _ENCODING_EN, _ENCODING_JA,
)  # fmt: skip
BAD_BYTES = Template(
    "encoding.bad_bytes",
    "the file is {expected}: byte 0x{byte} at offset {offset} (line {line})",
    "ファイルが{expected}: {line}行目、先頭から {offset} バイト目に 0x{byte}",
    _ENCODING_EN,
    _ENCODING_JA,
)
IMPLAUSIBLE_CP932 = Template(
    "encoding.implausible_cp932",
    "the file is neither UTF-8 nor plausible Shift_JIS (CP932) text: "
    "read as CP932, line {line} holds {char!r}",
    "UTF-8 でも、もっともらしい Shift_JIS（CP932）でもありません。"
    "CP932 として読むと {line}行目に「{char}」があります",
    _ENCODING_EN,
    _ENCODING_JA,
)
UNKNOWN_ENCODING = Template(
    "encoding.unknown",
    "unknown encoding {name!r}",
    "不明な文字コード「{name}」",
    "use utf-8, cp932, euc-jp, …",
    "utf-8、cp932、euc-jp などを指定してください",
)
# -- CSV --------------------------------------------------------------------------------------
HEADER_ONLY = Template(
    "csv.header_only",
    "the file has a header but no rows",
    "見出し行だけで、データ行がありません",
    "add the observations",
    "観測値の行を加えてください",
)
TRUNCATED = Template(
    "csv.truncated",
    "the last row has {fields} of {width} columns and no line break: the file looks truncated",
    "最後の行が {width} 列中 {fields} 列で改行もありません。ファイルが途中で切れているようです",
    "export or download the file again",
    "ファイルを書き出し直すか、ダウンロードし直してください",
)
RAGGED = Template(
    "csv.ragged_row",
    "{fields} fields where the header has {width}",
    "見出しは {width} 列なのに、この行は {fields} 列です",
    "quote values that contain commas; fill or remove the extra fields",
    "カンマを含む値は引用符で囲み、余分な列を埋めるか削除してください",
)
UNREADABLE_CSV = Template(
    "csv.unreadable",
    "unreadable CSV: {detail}",
    "CSV として読めません（{detail}）",
    "close the quoted value (the file may be truncated)",
    "引用符で始めた値を閉じてください（ファイルが途中で切れているかもしれません）",
)
UNPARSEABLE_CSV = Template(
    "csv.unparseable",
    "the CSV could not be parsed",
    "CSV として読めません",
    "check quoting and the number of fields per row",
    "引用符と、各行の列の数を確かめてください",
)
OTHER_DELIMITER = Template(
    "csv.other_delimiter",
    "the columns are separated by {name}, not by commas",
    "列の区切りがカンマではなく{name}です",
    "save the file as CSV (comma-separated): Excel: 名前を付けて保存 → CSV UTF-8",
    "カンマ区切りの CSV で保存してください（Excel: 名前を付けて保存 → CSV UTF-8）",
)
# -- headers ----------------------------------------------------------------------------------
SECOND_COLUMN = Template(
    "header.second_column",
    "a second column for {column}",
    "{column} の列が2つあります",
    "keep one of {first!r} and {second!r}",
    "「{first}」と「{second}」のどちらか1つにしてください",
)
NO_COLUMN = Template(
    "header.no_column",
    "no {column} column",
    "{column} の列がありません",
    "name a column {names}; the header has {headers}",
    "{names} という名前の列を作ってください（見出しは {headers}）",
)
COLUMN_NOT_USED = Template(
    "header.column_not_used",
    "column {header!r} is not used",
    "列「{header}」は使いません",
)
# -- XLSX -------------------------------------------------------------------------------------
ZIP_DAMAGED = Template(
    "xlsx.damaged",
    "not a readable XLSX file (the ZIP archive is damaged or truncated)",
    "読める XLSX ファイルではありません（ZIP が壊れているか、途中で切れています）",
    "save or download the workbook again",
    "ブックを保存し直すか、ダウンロードし直してください",
)
XLSX_MEMBERS = Template(
    "xlsx.members",
    "the archive has {count} members",
    "ZIP の中に {count} 個のファイルがあります",
    _RESAVE_XLSX_EN,
    _RESAVE_XLSX_JA,
)
ZIP_BOMB = Template(
    "xlsx.zip_bomb",
    "{member} inflates {ratio}-fold ({packed} → {unpacked}): a zip bomb",
    "{member} が {ratio} 倍に膨らみます（{packed} → {unpacked}）。ZIP 爆弾です",
    _RESAVE_XLSX_EN,
    _RESAVE_XLSX_JA,
)
UNPACKS_TOO_LARGE = Template(
    "xlsx.unpacks_too_large",
    "the archive unpacks to more than {limit}",
    "展開すると {limit} を超えます",
    _RESAVE_XLSX_EN,
    _RESAVE_XLSX_JA,
)
XLSX_NOT_WORKBOOK = Template(
    "xlsx.not_workbook",
    "a ZIP archive but not an Excel workbook: it has no [Content_Types].xml",
    "ZIP ファイルですが Excel のブックではありません（[Content_Types].xml がありません）",
    "save the workbook again from Excel as .xlsx, or export CSV",
    "Excel で .xlsx として保存し直すか、CSV で書き出してください",
)
XLSX_MEMBER_DAMAGED = Template(
    "xlsx.member_damaged",
    "the part {member} of the workbook is damaged ({detail})",
    "ブックの中の {member} が壊れています（{detail}）",
    "save or download the workbook again",
    "ブックを保存し直すか、ダウンロードし直してください",
)
XLSX_XML_DAMAGED = Template(
    "xlsx.xml_damaged",
    "the workbook's XML is not well-formed ({detail})",
    "ブックの XML が壊れています（{detail}）",
    "save the workbook again from Excel, or export CSV",
    "Excel で保存し直すか、CSV で書き出してください",
)
XLSX_XML_ENTITIES = Template(
    "xlsx.xml_entities",
    "the workbook's XML declares entities or a DTD, which Excel never writes (an XML bomb?)",
    "ブックの XML に Excel が書かない実体宣言（DTD）があります（XML 爆弾のおそれ）",
    _RESAVE_XLSX_EN,
    _RESAVE_XLSX_JA,
)
XLSX_UNREADABLE = Template(
    "xlsx.unreadable",
    "the workbook cannot be read ({detail})",
    "ブックを読めません（{detail}）",
    _RESAVE_XLSX_EN,
    _RESAVE_XLSX_JA,
)
EXTERNAL_LINK = Template(
    "xlsx.external_link",
    "a value taken from another workbook (an external link): its saved copy may be out of date",
    "別のブックへのリンク（外部参照）の値です。保存されている値は古いかもしれません",
    "paste the values themselves (Paste Special → Values), or import the linked workbook",
    "値そのものを貼り付けるか（形式を選択して貼り付け → 値）、リンク先のブックを取り込んでください",
)
NO_SHEET = Template(
    "xlsx.no_sheet",
    "no sheet {name!r}",
    "シート「{name}」がありません",
    "the sheets are {sheets}",
    "シートは {sheets} です",
)
SHEET_DECLARES_TOO_MANY = Template(
    "xlsx.declares_too_many_cells",
    "sheet {sheet!r} declares {rows} rows × {columns} columns: over the {limit}-cell limit",
    "シート「{sheet}」は {rows} 行 × {columns} 列あると宣言しており、上限 {limit} セルを超えます",
    "export the data as CSV",
    "CSV で書き出してください",
)
SHEET_TOO_MANY = Template(
    "xlsx.too_many_cells",
    "sheet {sheet!r} has more cells than that: over the {limit}-cell limit",
    "シート「{sheet}」のセルが上限 {limit} セルを超えます",
    "export the data as CSV",
    "CSV で書き出してください",
)
SHEET_HEADER_ONLY = Template(
    "xlsx.header_only",
    "sheet {sheet!r} has a header but no rows",
    "シート「{sheet}」は見出し行だけで、データ行がありません",
    "add the observations below the header",
    "見出しの下に観測値の行を加えてください",
)
NO_HEADER_ROW = Template(
    "xlsx.no_header_row",
    "no header row in the first {rows} rows of sheet {sheet!r}",
    "シート「{sheet}」の先頭 {rows} 行に見出し行がありません",
    "put a row naming the columns series, period and value (or 系列, 期間/年度/年, 値) "
    "above the data",
    "データの上に series・period・value（または 系列・期間/年度/年・値）の列名の行を置いてください",
)
NO_HEADER_ROW_OTHER_SHEETS = Template(
    "xlsx.no_header_row_other_sheets",
    "no header row in the first {rows} rows of sheet {sheet!r}",
    "シート「{sheet}」の先頭 {rows} 行に見出し行がありません",
    "put a row naming the columns series, period and value (or 系列, 期間/年度/年, 値) "
    "above the data; or choose another sheet with --sheet ({others})",
    "データの上に series・period・value（または 系列・期間/年度/年・値）の列名の行を置くか、"
    "別のシート（{others}）を選んでください（コマンドでは --sheet）",
)
FORMULA_WITHOUT_RESULT = Template(
    "xlsx.formula_without_result",
    "a formula with no saved result",
    "計算結果が保存されていない数式です",
    "open the file in Excel and save it, or paste the values instead of formulas",
    "Excel で開いて保存するか、数式ではなく値を貼り付けてください",
)
SHEET_NOTE = Template(
    "xlsx.sheet_note", "sheet {sheet!r}: {detail}", "シート「{sheet}」: {detail}",
)  # fmt: skip
