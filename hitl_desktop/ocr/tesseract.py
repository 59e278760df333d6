"""Tesseract, when its binary is installed: a comparison engine (faster, less accurate)."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from collections import defaultdict

import cv2
import numpy as np

from .engine import EngineInfo, OcrError, OcrLine, Quad


class TesseractEngine:
    name = "tesseract"

    def __init__(self, *, device: str = "auto", lang: str = "eng", psm: int = 3) -> None:
        exe = shutil.which("tesseract")
        if exe is None:
            raise OcrError(
                "tesseract is not installed (Debian/Ubuntu: apt-get install tesseract-ocr)"
            )
        self.exe, self.lang, self.psm = exe, lang, psm
        self.notice = "" if device in ("auto", "cpu") else "Tesseract runs on the CPU only."
        version = subprocess.run(
            [exe, "--version"], capture_output=True, text=True, timeout=30
        ).stdout.split("\n")[0]
        self.info = EngineInfo(self.name, version.replace("tesseract ", "").strip(), "cpu", {},
                               {"lang": lang, "psm": psm})  # fmt: skip

    def _tsv(self, image: np.ndarray, psm: int) -> list[dict[str, str]]:
        if image.size == 0 or image.ndim not in (2, 3):
            raise OcrError(f"not a page image (pixel array of shape {image.shape})")
        ok, png = cv2.imencode(
            ".png", image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
        )
        if not ok:
            raise OcrError("cannot encode the image for tesseract")
        done = subprocess.run(
            [self.exe, "stdin", "stdout", "-l", self.lang, "--psm", str(psm), "tsv"],
            input=png.tobytes(), capture_output=True, timeout=300,
        )  # fmt: skip
        if done.returncode != 0:
            raise OcrError(
                f"tesseract failed: {done.stderr.decode(errors='replace').strip()[:300]}"
            )
        return list(
            csv.DictReader(
                io.StringIO(done.stdout.decode()), delimiter="\t", quoting=csv.QUOTE_NONE
            )
        )

    def recognize_page(self, image: np.ndarray) -> list[OcrLine]:
        words: dict[tuple[str, str, str, str], list[dict[str, str]]] = defaultdict(list)
        for w in self._tsv(image, self.psm):
            if w.get("level") == "5" and (w.get("text") or "").strip():
                words[(w["page_num"], w["block_num"], w["par_num"], w["line_num"])].append(w)
        lines = []
        for ws in words.values():
            x0 = min(int(w["left"]) for w in ws)
            y0 = min(int(w["top"]) for w in ws)
            x1 = max(int(w["left"]) + int(w["width"]) for w in ws)
            y1 = max(int(w["top"]) + int(w["height"]) for w in ws)
            score = sum(float(w["conf"]) for w in ws) / len(ws) / 100
            text = " ".join(w["text"] for w in ws)
            lines.append(
                OcrLine.make(
                    [[x0, y0], [x1, y0], [x1, y1], [x0, y1]], text, max(0.0, min(1.0, score))
                )
            )
        return lines

    def recognize_regions(self, image: np.ndarray, quads: list[Quad]) -> list[OcrLine]:
        from .engine import crop_quad

        out = []
        for q in quads:
            rows = self._tsv(crop_quad(image, q), 7)  # one text line
            words = [r for r in rows if r.get("level") == "5" and (r.get("text") or "").strip()]
            text = " ".join(r["text"] for r in words)
            score = sum(float(r["conf"]) for r in words) / len(words) / 100 if words else 0.0
            out.append(OcrLine.make(q, text, max(0.0, min(1.0, score))))
        return out
