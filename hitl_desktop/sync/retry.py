"""How the sync client waits and retries (kept apart from the HTTP code, so the desktop app can
hold a policy without importing the HTTP client)."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass
class RetryPolicy:
    base_s: float = 0.5
    cap_s: float = 30.0
    max_retries: int = 8  # for the whole sync, not per request
    timeout_s: float = 60.0

    def delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after is not None:
            try:
                return min(self.cap_s, max(0.0, float(retry_after)))
            except ValueError:
                pass
        top = min(self.cap_s, self.base_s * 2**attempt)
        return random.uniform(top / 2, top)  # jitter: clients do not retry in lockstep
