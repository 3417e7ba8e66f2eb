"""Debian's jupyter_kernel_test, importable from the project's .venv and working with jupyter_client 8.

jupyter_kernel_test is not on the pip index; Debian's copy (python3-jupyter-kernel-test, pure Python)
was written for jupyter_client 7, where a blocking client's ``get_msg`` was a coroutine function that
``run_sync`` wrapped. In jupyter_client 8 it is a plain method and ``run_sync`` rejects it. This
package runs Debian's ``__init__.py`` as its own (so ``KernelTests`` and ``msgspec_v5`` are Debian's)
and replaces only the module's ``run_sync`` with one that also accepts plain functions.
run-tests.sh puts scripts/pycompat on PYTHONPATH for the .venv run only.
"""
import inspect as _inspect
from pathlib import Path as _Path

from jupyter_client.utils import run_sync as _client_run_sync

_DEBIAN = _Path("/usr/lib/python3/dist-packages/jupyter_kernel_test")
if not (_DEBIAN / "__init__.py").is_file():
    raise ImportError(f"Debian's jupyter_kernel_test is not installed at {_DEBIAN} (apt-get install python3-jupyter-kernel-test)")
__path__ = [str(_DEBIAN)]  # submodules (msgspec_v5) come from Debian's package
exec(compile((_DEBIAN / "__init__.py").read_text(), str(_DEBIAN / "__init__.py"), "exec"), globals())


def run_sync(func):
    """``jupyter_client.utils.run_sync`` for coroutine functions; anything else is already synchronous."""
    return _client_run_sync(func) if _inspect.iscoroutinefunction(func) else func
