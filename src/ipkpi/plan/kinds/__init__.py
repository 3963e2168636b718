"""The KPI kinds of the plan model, one module each: its fields, its label, its direction.

:mod:`ipkpi.plan.kpi` finds every ``KINDS`` record here (modules in name order, kinds by
rank) and builds the plan's KPI union from them; the kind's assessment rule and goal text are
its namesake module in ``assessment/kinds``. A new kind is a module in each, its row in
docs/assessment.md and its tests; no list is edited.
"""
