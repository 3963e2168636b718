"""The 府省庁 code list: codes, official Japanese and English names, and who belongs to whom."""

from .codes import (
    KIND_LABELS,
    CodeListError,
    Ministry,
    MinistryList,
    UnknownMinistryError,
    ministries,
    parse_list,
)

__all__ = [
    "KIND_LABELS",
    "CodeListError",
    "Ministry",
    "MinistryList",
    "UnknownMinistryError",
    "ministries",
    "parse_list",
]
