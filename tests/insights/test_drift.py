"""Label and input drift against hand-computed PSI and chi-square, and no alarm on tiny
samples."""

from __future__ import annotations

import math

import pytest

from hitl_desktop.insights.drift import chi_square, input_drift, label_drift, psi
from hitl_desktop.insights.windows import Filters, Window, last_days
from hitl_desktop.workspace import Workspace

from .events import DAY0, classification, imported, revised, set_day

# shares 0.5/0.3/0.2 -> 0.3/0.3/0.4:
# PSI = (0.3-0.5) ln(0.3/0.5) + 0 + (0.4-0.2) ln(0.4/0.2) = 0.2 ln(5/3) + 0.2 ln 2
HAND_PSI = 0.2 * math.log(5 / 3) + 0.2 * math.log(2)  # 0.2408
# expected counts 40/30/30 in both rows: chi2 = 2 (10^2/40) + 2 (10^2/30) = 5 + 20/3, dof 2,
# and for 2 degrees of freedom the p-value is exp(-chi2 / 2)
HAND_CHI2 = 5 + 20 / 3


def test_psi_and_chi_square_match_hand_computed_values() -> None:
    assert psi([50, 30, 20], [30, 30, 40]) == pytest.approx(HAND_PSI, abs=1e-12)
    stat, p, dof = chi_square([50, 30, 20], [30, 30, 40])
    assert stat == pytest.approx(HAND_CHI2, abs=1e-9)
    assert dof == 2
    assert p == pytest.approx(math.exp(-HAND_CHI2 / 2), rel=1e-9)
    assert psi([10, 10], [10, 10]) == 0.0
    # an empty bin counts as a share of 1e-4: large but finite
    assert psi([100, 0], [50, 50]) == pytest.approx(
        (0.5 - 1) * math.log(0.5) + (0.5 - 1e-4) * math.log(0.5 / 1e-4)
    )


def _answer_labels(ws: Workspace, day: int, counts: dict[str, int]) -> None:
    set_day(ws, day)
    drafts = []
    for label, n in counts.items():
        for i in range(n):
            d = imported(ws, f"{day}-{label}-{i}.png")
            assert d.subject is not None
            drafts += [d, revised(ws, d.subject.item, classification(label))]
    ws.append(drafts)


def test_label_shift_raises_an_alarm_with_its_figures(workspace: Workspace) -> None:
    _answer_labels(workspace, DAY0, {"invoice": 50, "receipt": 30, "letter": 20})
    _answer_labels(workspace, DAY0 + 10, {"invoice": 30, "receipt": 30, "letter": 40})
    period = last_days(DAY0 + 13, current_days=7)  # current: DAY0+7..13, reference: DAY0..6
    [drift] = label_drift(workspace.reader(), period)
    assert drift.kind == "class"
    assert drift.labels == ("invoice", "letter", "receipt")
    assert drift.reference == (50, 20, 30) and drift.current == (30, 40, 30)
    assert (drift.n_reference, drift.n_current) == (100, 100)
    assert drift.psi == pytest.approx(HAND_PSI)
    assert drift.chi2 == pytest.approx(HAND_CHI2)
    assert drift.p_value == pytest.approx(math.exp(-HAND_CHI2 / 2))
    assert drift.alarm and "PSI 0.241 > 0.2" in drift.note
    # a re-edit replaces the item's answer in its window: the latest answer counts once
    item = (
        workspace.reader()
        .execute("SELECT item_id FROM insights_answers WHERE day = ? LIMIT 1", (DAY0 + 10,))
        .fetchone()[0]
    )
    workspace.append([revised(workspace, item, classification("letter"))])
    [again] = label_drift(workspace.reader(), period)
    assert sum(again.current) == 100


def test_no_alarm_on_tiny_samples_even_for_a_total_flip(workspace: Workspace) -> None:
    _answer_labels(workspace, DAY0, {"invoice": 12})
    _answer_labels(workspace, DAY0 + 10, {"receipt": 12})
    [drift] = label_drift(workspace.reader(), last_days(DAY0 + 13, current_days=7))
    assert drift.psi is not None and drift.psi > 5  # the shift itself is plain to see
    assert not drift.alarm
    assert drift.note.startswith("too few samples (n=12 < 30)")


def test_input_drift_from_import_statistics(workspace: Workspace) -> None:
    set_day(workspace, DAY0)
    ref = [imported(workspace, f"r{i}.png", stats={"width": 1000 + i, "brightness": 200.0})
           for i in range(40)]  # fmt: skip
    workspace.append(ref)
    set_day(workspace, DAY0 + 8)
    cur = [imported(workspace, f"c{i}.png", stats={"width": 1000 + i, "brightness": 90.0})
           for i in range(40)]  # fmt: skip
    cur += [imported(workspace, f"t{i}.txt", kind="text", text=f"texte {i}",
                     stats={"characters": 7, "scripts": {"LATIN": 1.0}}) for i in range(3)]  # fmt: skip
    workspace.append(cur)
    found = {d.stat: d for d in input_drift(workspace.reader(), last_days(DAY0 + 13, 7))}
    assert found["width"].psi == pytest.approx(0.0) and not found["width"].alarm
    bright = found["brightness"]
    assert (bright.mean_reference, bright.mean_current) == (200.0, 90.0)
    assert bright.alarm and bright.n_reference == bright.n_current == 40
    # all 40 reference values in the top bin, all current ones in the lowest
    assert bright.psi == pytest.approx(2 * (1 - 1e-4) * math.log(1 / 1e-4))
    assert found["characters"].n_reference == 0 and not found["characters"].alarm
    assert found["script"].bins == ("LATIN",) and found["script"].current == (3,)
    # filtered to another source: nothing
    assert input_drift(workspace.reader(), last_days(DAY0 + 13, 7), Filters(source="x")) == ()


def test_windows_refuse_a_reversed_range() -> None:
    with pytest.raises(ValueError, match="cannot end"):
        Window(10, 5)
