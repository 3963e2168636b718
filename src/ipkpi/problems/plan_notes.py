"""Wordings for what the plan tells the public: notes, sources, publishers and releases."""

from __future__ import annotations

from .model import Template

PLAN_INTERNAL_REFERENCE = Template(
    "plan.public_text_internal",
    "public text {field!r} ({language}) names {found!r}, which readers cannot see",
    "公開される文「{field}」（{language}）が、読者の見られない「{found}」に触れています",
    "say it for the public, and move the rest to 'editor_note' / 'editor_notes'",
    "読者向けに書き直し、残りは editor_note / editor_notes に移してください",
)
PLAN_UNKNOWN_PUBLISHER = Template(
    "plan.unknown_publisher",
    "unknown publisher {publisher!r}",
    "不明な公表機関「{publisher}」",
    "add it to publishers.yaml or fix the id",
    "publishers.yaml に加えるか、ID を直してください",
)
PLAN_UNKNOWN_RELEASE = Template(
    "plan.unknown_release",
    "unknown release {release!r}",
    "不明な公表資料「{release}」",
    "add it to releases.yaml or fix the id",
    "releases.yaml に加えるか、ID を直してください",
)
PLAN_UNKNOWN_KEY_IN_LIST_FILE = Template(
    "plan.list_file_unknown_key",
    "unknown key {key!r}",
    "不明なキー「{key}」",
    "a {file} file holds only '{list}:'",
    "{file} には '{list}:' だけを書きます",
)
PLAN_BAD_PARENT = Template(
    "plan.measure_bad_parent",
    "measure {measure!r} has parent {parent!r}, which is not an earlier measure of its section",
    "施策「{measure}」の親「{parent}」は、同じ節でそれより前にある施策ではありません",
    "give the id of the measure above it that it is a sub-item of",
    "細目として属する、上にある施策の ID を書いてください",
)
PLAN_OBSERVATION_NOTE_ONE_LANGUAGE = Template(
    "plan.observation_note_one_language",
    "a public note in {language} only",
    "公開する注記が{language}だけです",
    "write the note in both columns, 'note' (Japanese) and 'note_en' (English)",
    "note（日本語）と note_en（英語）の両方に書いてください",
)
PLAN_OBSERVATION_NOTE_INTERNAL = Template(
    "plan.observation_note_internal",
    "public note {column!r} names {found!r}, which readers cannot see",
    "公開する注記「{column}」が、読者の見られない「{found}」に触れています",
    "say it for the public, and move the rest to 'editor_note'",
    "読者向けに書き直し、残りは editor_note に移してください",
)
PLAN_OBSERVATION_SECONDARY_WITHOUT_REASON = Template(
    "plan.observation_secondary_without_reason",
    "a value from a secondary copy without the reason",
    "二次資料による値に、その理由がありません",
    "say in 'editor_note' why the publisher's own release could not be used",
    "発行元の公表資料を使えなかった理由を editor_note に書いてください",
)
