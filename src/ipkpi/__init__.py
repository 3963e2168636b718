"""ipkpi: the follow-up of Japan's Intellectual Property Strategic Program as data.

Layers, from the core out: the plan model (:mod:`ipkpi.plan`), the observation store
(:mod:`ipkpi.store`), the assessment (:mod:`ipkpi.assessment`), and the adapters (CLI, web,
reports). The core never imports an adapter.
"""

from .settings import one_blas_thread

one_blas_thread()  # before numpy is imported (by the assessment): see its docstring

from .text import Text  # noqa: E402

__all__ = ["Text", "__version__"]
__version__ = "0.1.0"
