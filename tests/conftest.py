"""Shared fixtures: the repository's résumé, a minimal one, and the CLI as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resumeout.model import Resume
from resumeout.source.validation import load_resume

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "resume.yaml"

# Every fact of the seed résumé, as a reader of any export must find it.
SEED_FACTS = [
    "Runyu Lu",
    "runyulu@umich.edu",
    "+1 (734) 216-0351",
    "runyulu.com",
    "LRY89757",
    "runyu-lu",
    "Education",
    "University of Michigan",
    "PhD",
    "Computer Science",
    "Research Area: Machine Learning System",
    "Mosharaf Chowdhury and Ang Chen",
    "Sep 2024 – Present",
    "Huazhong University of Science and Technology",
    "Bachelor Engineering",
    "Computer Excellence Program",
    "GPA: 3.95 / 4.00",
    "Sep 2020 – Jun 2024",
    "Publications",
    "DSA: Efficient Inference For Video Generation Models via Distributed Sparse Attention",
    "ICLR 2026",
    "Shenggui Li",
    "Qiaoling chen",
    "Haiyan Yin",
    "Yueming Lyu",
    "Yonggang Wen",
    "Ivor Tsang",
    "Tianwei Zhang",
    "DiT Inference, Parallelization, Sparse Attention",
    "TetriServe: Efficiently Serving Mixed DiT Workloads",
    "ASPLOS 2026",
    "Runyu Lu*",
    "Shiqi He*",
    "Wenxuan Tan",
    "Ruofan Wu",
    "Jeff J. Ma",
    "DiT Serving, GPU Resource Scheduling",
    "MuxServe: Flexible Multiplexing for Efficient Multiple LLM Serving",
    "ICML 2024",
    "Jiangfei Duan",
    "Haojie Duanmu",
    "Xiuhong Li",
    "Xingcheng ZHANG",
    "Dahua Lin",
    "Ion Stoica",
    "Hao Zhang",
    "LLM Serving, GPU SM Sharing",
    "White-box Compiler Fuzzing Empowered by Large Language Models",
    "OOPSLA 2024",
    "Chenyuan Yang",
    "Yinlin Deng",
    "Jiayi Yao",
    "Jiawei Liu",
    "Reyhaneh Jabbarvand",
    "Lingming Zhang",
    "LLM for Compiler, LLVM, LLVM IR Fuzzing",
    "arXiv",
    "ModalGlue: Distributed Multimodal Training Must Be Multimodality-Aware",
    "Insu Jang",
    "Nikhil Bansal",
    "MultiModal Training, FlexAttention",
    "Work Experience",
    "Isaac GR00T N: RL Post Training on GR00T Foundation Model",
    "NVIDIA GEAR",
    "Jun 2025 – Present",
    "ColossalAI: Design and Implement Diffusion Inference Engine",
    "HPC-AI",
    "Mar 2024 – Jul 2024",
    "LLVM: Optimize GPU Compiler Backend",
    "SenseTime",
    "Apr 2023 – Sep 2023",
    "NCNN: Develop High Performance CNN Inference Engine",
    "Tencent",
    "Apr 2022 – Nov 2022",
    "Skills",
    "Languages:",
    "Native in Mandarin; Fluent in English",
    "Mar 16, 2026",
]

MINIMAL_YAML = "name: Zoë Ångström\n"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests' disk cache (cut DOCX faces) is their own, never the user's: set for
    this process and every CLI it starts."""
    os.environ["RESUMEOUT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("RESUMEOUT_NO_CACHE", None)


def normalise(text: str) -> str:
    """Collapse whitespace (line wrapping) so facts can be searched in extracted text."""
    return " ".join(text.split())


@pytest.fixture(scope="session")
def seed() -> Resume:
    return load_resume(SEED)


@pytest.fixture
def minimal(tmp_path: Path) -> Resume:
    path = tmp_path / "minimal.yaml"
    path.write_text(MINIMAL_YAML, encoding="utf-8")
    return load_resume(path)


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``resumeout`` as a user would: a separate process, its exit code and output."""
    return subprocess.run(
        [sys.executable, "-m", "resumeout", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def export_or_skip(folder: Path, source_text: str, format: str) -> Path:
    """``source_text`` written to ``folder``/resume.yaml and exported there to ``format``
    by the command line; the file written. On a machine with no font for its script the
    test is skipped, with the reason."""
    source = folder / "resume.yaml"
    source.write_text(source_text, "utf-8")
    result = run_cli("export", str(source), "-f", format, "-o", str(folder), "-q")
    if result.returncode == 3 and "no font has a glyph" in result.stderr:
        pytest.skip(f"this machine lacks a font: {result.stderr.splitlines()[0]}")
    assert result.returncode == 0, result.stderr
    (path,) = folder.glob(f"*.{format}")
    return path
