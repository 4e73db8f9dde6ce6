"""An nbconvert preprocessor: ExecutePreprocessor that also keeps a cell's outputs that arrive just after
the kernel reported the cell finished.

nbclient, which runs the cells for `jupyter nbconvert --execute`, stops collecting a cell's outputs at the
kernel's "idle" status. Deno's kernel sometimes publishes that status before the last output messages of
the cell (a console.log, a display), especially on a busy machine; nbclient then drops them, and the saved
notebook silently misses output. This preprocessor keeps listening after "idle" until the kernel has been
quiet for `settle_seconds`, so every output of the cell is kept.

Used by notebooks/run.mjs:
  PYTHONPATH=notebooks jupyter nbconvert --to notebook \\
    --Exporter.preprocessors='["settled_execute.SettledExecutePreprocessor"]' \\
    --SettledExecutePreprocessor.enabled=True notebook.ipynb
"""
from queue import Empty

from nbclient.exceptions import CellExecutionComplete
from nbclient.util import ensure_async
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Float


class SettledExecutePreprocessor(ExecutePreprocessor):
    """ExecutePreprocessor that collects a cell's outputs until the kernel has been quiet after "idle"."""

    settle_seconds = Float(
        0.3,
        help="After a cell's idle status, keep collecting its outputs until none has arrived for this long.",
    ).tag(config=True)

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        finished = False
        while True:
            try:
                msg = await ensure_async(
                    self.kc.iopub_channel.get_msg(timeout=self.settle_seconds if finished else None)
                )
            except Empty:
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                finished = True
