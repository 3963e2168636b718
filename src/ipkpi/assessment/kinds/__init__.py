"""The KPI kinds of a plan, one module each: its fields, goal, target and assessment rule.

:mod:`ipkpi.assessment.registry` finds every ``KINDS`` record here; a new kind is a new plan
model class, a new module in this folder, its row in docs/assessment.md and its tests.
"""
