"""Child process for the crash test: appends batches forever, reporting each commit.

Prints ``committed <device_seq> <hash>`` only after ``append`` returned, i.e. after COMMIT.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from hitl_desktop.lineage import Ref, Subject, uuid7
from hitl_desktop.workspace import Workspace


def main() -> None:
    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    deadline = time.monotonic() + 60
    with Workspace.open(path) as ws:
        print("ready", flush=True)
        while time.monotonic() < deadline:
            drafts = []
            for _ in range(rng.choice([1, 5, 50, 300])):
                data = rng.randbytes(rng.randrange(10, 5000))
                sha = ws.blobs.put_bytes(data)
                payload = {"kind": "image", "name": f"{uuid7()}.png", "media_type": "image/png",
                           "blob_sha256": sha, "size_bytes": len(data)}  # fmt: skip
                drafts.append(ws.draft("item.imported", payload, subject=Subject(uuid7()),
                                       outputs=[Ref("blob", sha, sha)]))  # fmt: skip
            last = ws.append(drafts)[-1]
            print(f"committed {last.device_seq} {last.hash}", flush=True)


if __name__ == "__main__":
    main()
