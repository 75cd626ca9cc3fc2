"""Run one MkDocs build in this process and print its measurements as JSON.

Used by bench/scale.py so that each build has a fresh interpreter: peak memory is
this process's own, and the time spent inside the project's hook functions is
measured by wrapping the hook module's event handlers, per event (on_page_content is
the sanitizer).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any


def main(config_file: str, site_dir: str) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    hook_time: dict[str, float] = {}

    def timed(event: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                hook_time[event] = hook_time.get(event, 0.0) + time.perf_counter() - start

        return wrapper

    start = time.perf_counter()
    config = load_config(config_file=config_file, site_dir=site_dir)
    for name, handlers in config.plugins.events.items():
        config.plugins.events[name] = [
            timed(name, h) if str(getattr(h, "__module__", "")).endswith("inrsurvey_hooks.py") else h for h in handlers
        ]
    build(config)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    events = {name: round(seconds, 3) for name, seconds in sorted(hook_time.items())}
    print(
        json.dumps(
            {
                "build_s": elapsed,
                "hooks_s": sum(hook_time.values()),
                "hook_events_s": events,
                "peak_rss_mb": peak_kb / 1024,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
