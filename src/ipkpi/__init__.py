"""ipkpi: the follow-up of Japan's Intellectual Property Strategic Program as data.

Layers, from the core out: the plan model (:mod:`ipkpi.plan`), the observation store
(:mod:`ipkpi.store`), the assessment (:mod:`ipkpi.assessment`), and the adapters (CLI, web,
reports). The core never imports an adapter.
"""

from .text import Text

__all__ = ["Text", "__version__"]
__version__ = "0.1.0"
