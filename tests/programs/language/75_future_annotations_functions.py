# PEP 563: under from __future__ import annotations, function annotations are their source text.
from __future__ import annotations
def f(a: list[int], b: dict[str, int] | None = None) -> tuple[int, ...]: pass
print(f.__annotations__)
