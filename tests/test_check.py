"""check()/assertClose() in a real kernel: the cards a student sees in a test cell, and the failing
cell an autograder counts, through jupyter_client."""
import json

CHECK_MIME = "application/vnd.javadl.check+json"


def _checks(ex):
    return [m["content"]["data"] for m in ex.of_type("display_data") if CHECK_MIME in m["content"]["data"]]


def test_check_passes_with_a_green_card(kernel):
    ex = kernel.execute('double s0 = sigmoid(0.0);\ncheck("S(0)", s0, 0.5, 1e-12)').assert_ok()
    cards = _checks(ex)
    assert len(cards) == 1
    assert cards[0][CHECK_MIME]["passed"] is True
    assert cards[0]["text/plain"].startswith("✓ S(0): 0.5")
    assert "javadl-check" in cards[0]["text/html"]
    assert ex.result == "true"


def test_check_failure_names_quantity_expected_and_got(kernel):
    ex = kernel.execute('check("dL/dw2", -49.77, -49.7286, 1e-6)').assert_ok()
    card = _checks(ex)[0]
    assert card[CHECK_MIME]["passed"] is False
    assert card[CHECK_MIME]["name"] == "dL/dw2"
    assert "expected -49.7286, got -49.77" in card["text/plain"]
    assert "expected <code>-49.7286</code>, got <code>-49.77</code>" in card["text/html"]


def test_assert_close_fails_the_cell_with_a_readable_error(kernel):
    kernel.execute("double keep = 41 + 1;").assert_ok()
    ex = kernel.execute('assertClose("loss", 0.7, Math.log(2), 1e-9);')
    assert ex.status == "error"
    assert ex.content["ename"].endswith("CheckFailure")
    assert "loss: expected 0.6931471805599453, got 0.7" in ex.content["evalue"]
    assert _checks(ex)[0][CHECK_MIME]["passed"] is False
    # the session goes on: the next cell sees earlier state
    assert kernel.execute("keep").assert_ok().result == "42.0"


def test_assert_close_on_tensors_and_a_missing_solution(kernel):
    ex = kernel.execute('assertClose("y", tensor(1, 2, 3).mul(2.0), tensor(2, 4, 6), 1e-12);').assert_ok()
    assert _checks(ex)[0][CHECK_MIME]["passed"] is True
    ex = kernel.execute('Double answerStub = null; // YOUR CODE HERE\nassertClose("S(0)", answerStub, 0.5);')
    assert ex.status == "error"
    assert "got null (is the solution still missing?)" in ex.content["evalue"]
