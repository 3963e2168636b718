"""Problems of a data file in Japanese, for the people who send the files.

:class:`~ipkpi.store.problems.DataProblem` keeps its reason and hint in English (the CLI,
the logs, the tests). :func:`in_language` gives them in Japanese where the wording is known:
the fixed texts word for word, the texts with values by pattern. Anything else stays English
rather than being guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text import Lang

#: Fixed reasons and hints, word for word.
FIXED: dict[str, str] = {
    "unknown series": "計画にない系列",
    "no series": "系列がない",
    "give the id of a series of the plan": "計画の系列IDを書いてください",
    "use the id of a series of the plan": "計画の系列IDを使ってください",
    "no value": "値がない",
    "give a number, or leave the row out": "数値を書くか、その行を削除してください",
    "not a number": "数値でない",
    "write a number such as 1234.5, 1,234 or ▲12": (
        "1234.5、1,234、▲12 のような数値で書いてください"
    ),
    "not a finite number": "有限の数値でない",
    "write a number": "数値で書いてください",
    "not a valid period": "期間として読めない",
    "unknown flag": "不明なフラグ",
    "not a web address": "ウェブアドレスでない",
    "give an http:// or https:// URL": "http:// または https:// で始まるURLを書いてください",
    "unknown unit": "不明な単位",
    "a unit incompatible with the series": "系列の単位と換算できない単位",
    "a second value for the same series and period": "同じ系列・期間の値が2つある",
    "the file is empty": "ファイルが空",
    "give a file with a header row and data rows": (
        "見出し行とデータ行のあるファイルを送ってください"
    ),
    "the file has a header but no rows": "見出し行だけでデータ行がない",
    "no observations in the file": "ファイルに観測値がない",
    "the CSV could not be parsed": "CSVとして読めない",
    "quote values that contain commas; fill or remove the extra fields": (
        "カンマを含む値は引用符で囲み、余分な列を埋めるか削除してください"
    ),
    "not a readable XLSX file (the ZIP archive is damaged or truncated)": (
        "読めるXLSXファイルでない（ZIPが壊れているか途中で切れている）"
    ),
    "give a saved XLSX workbook": "保存したXLSXブックを送ってください",
    "save or download the workbook again": "ブックを保存し直すか、ダウンロードし直してください",
    "open the file in Excel and save it, or paste the values instead of formulas": (
        "Excelで開いて保存するか、数式ではなく値を貼り付けてください"
    ),
    "split the file, or raise the limit with --max-file-size": (
        "ファイルを分けてください（コマンドでは --max-file-size で上限を上げられます）"
    ),
    "the file is UTF-16 text": "UTF-16のテキストファイル",
    "no such file": "ファイルがない",
    "a deletion (ACTION D)": "削除の指示（ACTION D）",
    "the store keeps every value; import corrected values instead": (
        "保存した値は消しません。訂正した値を取り込んでください"
    ),
    "keep the plan's unit, or move the stored values to a new series id": (
        "計画の単位のままにするか、保存済みの値を新しい系列IDに移してください"
    ),
}

_KINDS = {
    "year": "暦年",
    "fiscal year": "年度",
    "half": "半期",
    "quarter": "四半期",
    "fiscal half": "年度の半期（上期・下期）",
    "fiscal quarter": "年度の四半期",
    "month": "月",
    "date": "日付",
}
_FREQUENCIES = {
    "annual": "暦年",
    "fiscal": "年度",
    "half": "半期",
    "quarterly": "四半期",
    "fiscal_half": "年度の半期",
    "fiscal_quarterly": "年度の四半期",
    "monthly": "月次",
    "irregular": "不定期",
}

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]
#: Texts with values in them.
PATTERNS: list[Rule] = [
    (
        re.compile(r"^did you mean '(?P<id>[^']+)'\?$"),
        lambda m: f"「{m['id']}」のことですか？",
    ),
    (
        re.compile(r"^a (?P<kind>[a-z ]+) in a (?P<freq>[a-z_]+) series$"),
        lambda m: (
            f"{_FREQUENCIES.get(m['freq'], m['freq'])}の系列に"
            f"{_KINDS.get(m['kind'], m['kind'])}の期間"
        ),
    ),
    (
        re.compile(r"^write periods like (?P<example>.+)$"),
        lambda m: f"期間は {m['example']} のように書いてください",
    ),
    (
        re.compile(
            r"^row (?P<row>\d+) already gives (?P<series>\S+) for (?P<period>\S+); "
            r"keep one of the rows$"
        ),
        lambda m: (
            f"{m['row']}行目に {m['series']} の {m['period']} の値があります。"
            "どちらか1行にしてください"
        ),
    ),
    (
        re.compile(r"^no (?P<column>\w+) column$"),
        lambda m: f"{m['column']} の列がない",
    ),
    (
        re.compile(r"^the file is (?P<size>.+), over the (?P<limit>.+) limit$"),
        lambda m: f"ファイルが {m['size']} で、上限 {m['limit']} を超えている",
    ),
    (
        re.compile(r"^unknown file type '(?P<suffix>[^']*)'$"),
        lambda m: f"扱えない種類のファイル（{m['suffix'] or '拡張子なし'}）",
    ),
    (
        re.compile(r"^give a file ending in (?P<suffixes>.+)$"),
        lambda m: f"{m['suffixes']} のファイルを送ってください",
    ),
]


def in_language(text: str, lang: Lang) -> str:
    """``text`` (a problem's reason or hint) in ``lang``: Japanese where the wording is known."""
    if lang != "ja" or not text:
        return text
    fixed = FIXED.get(text)
    if fixed is not None:
        return fixed
    for pattern, render in PATTERNS:
        m = pattern.match(text)
        if m:
            return render(m)
    return text
