"""The words of the service pages (sign-in, account, submissions, review), in both languages."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from ..report.content import WORDS
from ..text import Lang, Text, t
from .import_strings import IMPORT_UI
from .ui_strings import UI

SV: dict[str, Text] = {
    "signin": t("サインイン", "Sign in"),
    "signout": t("サインアウト", "Sign out"),
    "account": t("アカウント", "Account"),
    "email": t("メールアドレス", "E-mail address"),
    "password": t("パスワード", "Password"),
    "signin_intro": t(
        "府省庁の担当者と事務局のためのページです。公開中のデータはサインインなしで見られます。",
        "For ministry staff and the secretariat. Published data need no sign-in.",
    ),
    "signin_failed": t(
        "メールアドレスまたはパスワードが違います。",
        "The e-mail address or the password is wrong.",
    ),
    "too_many": t(
        "試行が多すぎます。{seconds}秒後にもう一度お試しください。",
        "Too many attempts. Try again in {seconds} seconds.",
    ),
    "signin_needed": t(
        "このページを使うにはサインインしてください。",
        "Sign in to use this page.",
    ),
    "session_ended": t(
        "セッションが終了しました。もう一度サインインしてください。",
        "Your session has ended. Sign in again.",
    ),
    "forbidden": t("この操作の権限がありません。", "You do not have the right to do this."),
    "csrf_failed": t(
        "フォームの有効期限が切れたか、別のサイトから送信されました。ページを開き直してください。",
        "The form has expired or was sent from another site. Open the page again.",
    ),
    "signed_in_as": t("サインイン中：{name}", "Signed in as {name}"),
    "roles": t("役割", "Roles"),
    "global_role_secretariat": t("事務局（審査・公開）", "Secretariat (review, publish)"),
    "global_role_admin": t("管理者（利用者の管理）", "Admin (manages people)"),
    "role_viewer": t("閲覧", "viewer"),
    "role_editor": t("編集", "editor"),
    "role_approver": t("承認", "approver"),
    "tokens": t("APIトークン", "API tokens"),
    "tokens_help": t(
        "府省庁のスクリプトが API を使うためのトークンです。権限は自分の役割の範囲内に限られ、"
        "期限が来るか取り消すと使えなくなります。",
        "Tokens let a ministry's scripts use the API. They never go beyond your own roles and "
        "stop working when they expire or are revoked.",
    ),
    "token_name": t("名前（何に使うか）", "Name (what uses it)"),
    "token_scopes": t("範囲", "Scopes"),
    "token_days": t("有効日数", "Days valid"),
    "token_create": t("トークンを作る", "Create a token"),
    "token_created": t(
        "新しいトークンです。この画面を離れると二度と表示されません。今すぐ保存してください：",
        "Your new token. It is shown only now: store it before leaving this page:",
    ),
    "token_revoke": t("取り消す", "Revoke"),
    "token_revoked": t("取消済み", "revoked"),
    "token_expires": t("期限", "Expires"),
    "token_last_used": t("最終使用", "Last used"),
    "no_tokens": t("トークンはありません。", "No tokens."),
    "scope_read": t("読む", "read"),
    "scope_submit": t("提出する", "submit"),
    "scope_review": t("審査する", "review"),
    "submissions": t("提出", "Submissions"),
    "ministry": t("府省庁", "Ministry"),
    "submission": t("提出", "Submission"),
    "not_found": t("この提出はありません。", "There is no such submission."),
    "stale": t(
        "この提出は {at} に {name} さんが変更しました。"
        "最新の内容を確かめてから、もう一度操作してください。",
        "This submission was changed by {name} at {at}. Check the current version, then try again.",
    ),
    "state_draft": t("下書き", "draft"),
    "state_submitted": t("審査待ち", "submitted"),
    "state_returned": t("差戻し", "returned"),
    "state_accepted": t("承認済み（未公開）", "accepted (not yet published)"),
    "state_published": t("公開済み", "published"),
    "state_withdrawn": t("取下げ", "withdrawn"),
    "step_submit": IMPORT_UI["import_send_for_review"],
    "step_recall": t("下書きに戻す", "Take back to draft"),
    "step_return": t("差し戻す（コメント必須）", "Return (with a comment)"),
    "step_accept": t("承認する", "Accept"),
    "step_publish": t("公開する", "Publish"),
    "step_withdraw": t("取り下げる", "Withdraw"),
    "comment": t("コメント", "Comment"),
    "history": t("経過", "History"),
    "changes_vs_published": t("公開中のデータとの差分", "Changes against the published data"),
    "already_published": t(
        "このファイルの内容はすでに公開済みです。", "This file's content is already published."
    ),
    "file": IMPORT_UI["import_file_name"],
    "state": t("状態", "State"),
    "created": t("作成", "Created"),
    "last_change": t("最終変更：{name}（{at}）", "Last changed by {name} at {at}"),
    "review_comment": t(
        "事務局のコメント（差戻し時）", "The secretariat's comment (when returned)"
    ),
    "published_vintage": t("公開されたデータ版：{id}", "Published as vintage {id}"),
    "replace_file": t("修正したファイルを送る", "Send a corrected file"),
    "no_submissions": t("提出はありません。", "No submissions."),
    "new_submission": t("データファイルを提出する", "Submit a data file"),
    "did_create": t("作成した", "created it"),
    "did_replace_file": t("ファイルを差し替えた", "sent a corrected file"),
    "did_submit": t("審査に送った", "sent it for review"),
    "did_recall": t("下書きに戻した", "took it back to draft"),
    "did_return": t("差し戻した", "returned it"),
    "did_accept": t("承認した", "accepted it"),
    "did_publish": t("公開した", "published it"),
    "did_withdraw": t("取り下げた", "withdrew it"),
    "did_authz_denied": t("操作を拒否された（権限なし）", "was refused (no right)"),
    "next_steps": t("審査・操作", "Review and next steps"),
    "comment_help": t(
        "差し戻す理由と、何を直せばよいかを書いてください。提出した府省庁に届きます。",
        "Say why, and what to fix: the ministry that sent it reads this.",
    ),
    "kind_data_file": t("データファイル", "data file"),
    "kind_measure_updates": t("施策の取組状況", "measure updates"),
    "kind": WORDS["kind"],
    "new_measures": t("施策の取組状況を提出する", "Submit measure updates"),
    "new_measures_help": t(
        "サイクルの様式（XLSX）に記入したものを送ってください。送る前に全体を点検します。",
        "Send the cycle's template (XLSX), filled in. The whole file is checked first.",
    ),
    "cycle": t("サイクル", "Cycle"),
    "no_open_cycle": t("受付中のサイクルはありません。", "No cycle is open for updates."),
    "measure": UI["measure"],
    "field": t("項目", "Field"),
    "before": t("公開中", "Published"),
    "after": t("提出内容", "Submitted"),
    "change": t("変更", "Change"),
    "change_new": t("新規", "new"),
    "change_revised": t("変更", "revised"),
    "change_unchanged": t("変更なし", "unchanged"),
    "measures_vs_published": t(
        "公開中の取組状況との差分", "Changes against the published measure updates"
    ),
    "published_batch": t("公開された取組状況：第{id}回の記録", "Published as update batch {id}"),
    "field_status_ja": t("取組状況（日本語）", "Status (Japanese)"),
    "field_status_en": t("取組状況（英語）", "Status (English)"),
    "field_check": t("評価（Check）", "Check class"),
    "field_act": t("今後の方向性（Act）", "Act direction"),
    "field_override_reason_ja": t("提案と異なる評価の理由", "Reason for another class"),
    "field_delay": t("遅れの理由", "Delay reason"),
    "field_delay_text_ja": t("遅れの説明", "Delay explained"),
    "field_evidence": UI["evidence"],
    "no_measure_changes": t(
        "公開中の内容から変わる施策はありません。", "No measure changes from what is published."
    ),
}


@functools.cache
def sv_strings(lang: Lang) -> Mapping[str, str]:
    """The service pages' words in ``lang`` (made once per language: read-only)."""
    return MappingProxyType({key: text.get(lang) for key, text in SV.items()})
