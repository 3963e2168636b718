"""The progress methods, one module each: its kernel, its statuses with their tones, its words.

:mod:`ipkpi.assessment.registry` finds every ``METHODS`` record here (and in ``kinds``); a new
method is a new module in this folder, its section in docs/assessment.md and its tests.
"""
