"""Jupyter's own kernel conformance suite (``jupyter_kernel_test.KernelTests``) against ``java-dl``.

pytest collects the ``unittest`` class below. The kernelspec comes from the session fixture
``kernel_name`` (see conftest.py), applied with ``usefixtures`` so it is installed and on
``JUPYTER_PATH`` before ``setUpClass`` starts the kernel. Every reply wait is capped, so a kernel
that does not answer fails a test instead of hanging the run. Each reply is validated against the
v5 message schema by the suite itself.

The samples are plain Java plus the kernel's notebook API (``display``, ``html``). Optional API
(``clearOutput``) is tested only if ``org.javadl.kernel.runtime.Notebook`` declares it; the pager is
the kernel's ``name?`` help.
"""
from __future__ import annotations

import os
import tempfile

import jupyter_kernel_test as jkt  # not `from ... import KernelTests`: pytest would collect the base class
import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME, STARTUP_TIMEOUT, notebook_api_has

REPLY_TIMEOUT = 15  # seconds; upstream waits forever for some replies

HAS_CLEAR = notebook_api_has("clearOutput")


@pytest.mark.timeout(300)
@pytest.mark.usefixtures("kernel_name")
class TestJavaDLConformance(jkt.KernelTests):
    kernel_name = KERNEL_NAME

    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("test");'

    completion_samples = [{"text": "Math.ab"}, {"text": "System.out.pri"}, {"text": "sigm"}]

    complete_code_samples = ["1", "int x = 1;", 'System.out.println("hello, world");', "void f() {\n  return;\n}"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int[] a = {1, 2", "Math.max(1,"]
    invalid_code_samples = ["int x = 1 + ;", "1 +* 2"]

    code_generate_error = 'throw new RuntimeException("boom");'

    code_execute_result = [
        {"code": "1+2+3", "result": "6"},
        {"code": "java.util.List.of(1, 4, 9)", "result": "[1, 4, 9]"},
        {"code": "sigmoid(0.0)", "result": "0.5"},
    ]

    code_display_data = [
        {"code": 'display(html("<b>test</b>"));', "mime": "text/html"},
        {"code": "display(List.of(1, 2));", "mime": "text/plain"},
    ]

    code_history_pattern = "1?2*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.abs"

    # "name?" opens the documentation of name in the pager, as in IPython
    code_page_something = "Math.abs?"
    code_clear_output = 'System.out.println("soon gone");\nclearOutput();' if HAS_CLEAR else ""

    @classmethod
    def setUpClass(cls):
        cls._log = tempfile.NamedTemporaryFile(prefix="javadl-conformance-", suffix=".log", delete=False)
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=STARTUP_TIMEOUT,
                                          stdout=cls._log, stderr=cls._log)

    @classmethod
    def tearDownClass(cls):
        try:
            super().tearDownClass()
        finally:
            cls._log.close()
            os.unlink(cls._log.name)

    def get_non_kernel_info_reply(self, timeout=None):
        return super().get_non_kernel_info_reply(timeout=timeout or REPLY_TIMEOUT)

    def test_pager(self):
        super().test_pager()

    def test_clear_output(self):
        if not self.code_clear_output:
            self.skipTest("Notebook declares no clearOutput() method")
        super().test_clear_output()
