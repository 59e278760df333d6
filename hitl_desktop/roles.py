"""What each role may do: one small permission table, read by the GUI (and later the central
store) so that a worker is never offered what only a checker or an expert decides.

Roles come from the workspace profile (``Profile.role``). Unknown roles may do nothing, so a
typo in a profile fails closed rather than granting everything.
"""

from __future__ import annotations

from enum import StrEnum

from .workspace.workspace import ROLES


class Action(StrEnum):
    """Things the app gates by role."""

    IMPORT = "import"
    RUN_MODELS = "run_models"
    ANNOTATE = "annotate"
    REVIEW = "review"
    ASSIGN = "assign"  # give items to workers (overlap and gold tasks)
    PUBLISH_SCHEMA = "publish_schema"
    APPROVE_DATASET = "approve_dataset"  # sign off an exported dataset version
    CREDIT_IMPORTED = "credit_imported"  # import other people's answers under their names
    ADMIN = "admin"


_ALL = frozenset(Action)
PERMISSIONS: dict[str, frozenset[Action]] = {
    "worker": frozenset({Action.IMPORT, Action.RUN_MODELS, Action.ANNOTATE}),
    "checker": frozenset(
        {
            Action.IMPORT,
            Action.RUN_MODELS,
            Action.ANNOTATE,
            Action.REVIEW,
            Action.ASSIGN,
            Action.CREDIT_IMPORTED,
        }
    ),
    "expert": frozenset(
        {
            Action.IMPORT,
            Action.RUN_MODELS,
            Action.ANNOTATE,
            Action.REVIEW,
            Action.ASSIGN,
            Action.CREDIT_IMPORTED,
        }
    )
    | {Action.PUBLISH_SCHEMA, Action.APPROVE_DATASET},
    "admin": _ALL,
}
assert set(PERMISSIONS) == set(ROLES), "every workspace role needs a row"

ROLE_DESCRIPTIONS: dict[str, str] = {
    "worker": "Labels and corrects items: imports, runs OCR and pre-labels, saves annotations.",
    "checker": "Everything a worker does, and decides reviews: accepts or rejects others' work.",
    "expert": "Defines what 'correct' means: publishes label schemas and their instructions, "
    "and reviews.",
    "admin": "Looks after the workspace: everything above plus rebuild and maintenance tools.",
}

# How the reason names the roles that may act, e.g. "Only checkers decide reviews".
_VERBS: dict[Action, str] = {
    Action.IMPORT: "import files",
    Action.RUN_MODELS: "run models",
    Action.ANNOTATE: "annotate",
    Action.REVIEW: "decide reviews",
    Action.ASSIGN: "assign work",
    Action.PUBLISH_SCHEMA: "publish schemas",
    Action.APPROVE_DATASET: "approve dataset exports",
    Action.CREDIT_IMPORTED: "import answers credited to other people",
    Action.ADMIN: "use the rebuild and admin tools",
}


def can(role: str, action: Action | str) -> bool:
    """Whether ``role`` may do ``action`` (an unknown role or action may not)."""
    try:
        wanted = Action(action)
    except ValueError:
        return False
    return wanted in PERMISSIONS.get(role, frozenset())


def roles_allowed(action: Action | str) -> list[str]:
    """The roles that may do ``action``, in ``ROLES`` order."""
    return [r for r in ROLES if can(r, action)]


def reason(role: str, action: Action | str) -> str:
    """Why ``role`` may not do ``action`` (empty when it may), naming who may."""
    if can(role, action):
        return ""
    try:
        wanted = Action(action)
    except ValueError:
        return f"Unknown action {action!r}"
    allowed = [r for r in roles_allowed(wanted) if r != "admin"]
    who = " and ".join(f"{r}s" for r in allowed) if allowed else "admins"
    if role not in PERMISSIONS:
        return f"Unknown role {role!r}: only {who} {_VERBS[wanted]}"
    return f"Only {who} {_VERBS[wanted]}"
