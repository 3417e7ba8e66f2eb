"""Widgets through jupyter_client: the comm protocol and the ipywidgets 8 message spec (protocol 2.1.0).

The test plays the front end: it reads the ``comm_open`` messages a cell publishes, sends
``comm_msg`` updates and clicks as JupyterLab's widget manager would, and checks what comes back
(echoes, ``update`` messages, the Output widget's ``outputs``) and what the kernel side then holds.
"""
from __future__ import annotations

import base64
import time
import uuid

import pytest

from conftest import strip_ansi

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


# --------------------------------------------------------------------------- helpers
def opens(ex):
    """comm_id -> (state, metadata) of the comm_open messages a cell published, in order."""
    out = {}
    for m in ex.of_type("comm_open"):
        assert m["content"]["target_name"] == "jupyter.widget"
        out[m["content"]["comm_id"]] = (m["content"]["data"]["state"], m["metadata"])
    return out


def model(ex, name):
    """(comm_id, state) of the one comm_open of model ``name`` (e.g. 'IntSliderModel')."""
    found = [(cid, st) for cid, (st, _) in opens(ex).items() if st["_model_name"] == name]
    assert len(found) == 1, f"{len(found)} comm_open of {name}: {[s['_model_name'] for s, _ in opens(ex).values()]}"
    return found[0]


def send(kernel, msg_type, content, timeout=30):
    """Send a shell message as a front end would; the IOPub messages under it up to idle."""
    msg = kernel.kc.session.msg(msg_type, content)
    kernel.kc.shell_channel.send(msg)
    return msg, kernel.iopub_all(msg["header"]["msg_id"], timeout=timeout)


def update(kernel, comm_id, state, timeout=30):
    """A front-end ``update`` of a widget; returns the comm messages the kernel answered with."""
    _, msgs = send(kernel, "comm_msg", {"comm_id": comm_id, "data": {
        "method": "update", "state": state, "buffer_paths": []}}, timeout)
    return [m for m in msgs if m["msg_type"] == "comm_msg"]


def updates_of(msgs, comm_id, method="update"):
    return [m["content"]["data"]["state"] for m in msgs
            if m["content"]["comm_id"] == comm_id and m["content"]["data"]["method"] == method]


def last_outputs(msgs, output_id):
    """The Output widget's ``outputs`` in the last update the kernel sent for it."""
    states = [s for s in updates_of(msgs, output_id) if "outputs" in s]
    assert states, f"no update of the Output's outputs among {[m['content']['data'] for m in msgs]}"
    return states[-1]["outputs"]


def comm_info(kernel, target=None):
    kw = {} if target is None else {"target_name": target}
    return kernel._request(lambda: kernel.kc.comm_info(**kw), "comm_info_reply", 10)["comms"]


def interrupt_during_update(kernel, slider_id, out_id, value):
    """Move the slider to ``value`` (whose callback never ends), interrupt, return the Output's outputs."""
    msg = kernel.kc.session.msg("comm_msg", {"comm_id": slider_id, "data": {
        "method": "update", "state": {"value": value}, "buffer_paths": []}})
    kernel.kc.shell_channel.send(msg)
    time.sleep(1.0)
    kernel.interrupt()
    msgs = [m for m in kernel.iopub_all(msg["header"]["msg_id"], timeout=20) if m["msg_type"] == "comm_msg"]
    return last_outputs(msgs, out_id)


# --------------------------------------------------------------------------- tests
def test_a_slider_opens_its_model_with_layout_and_style_first(kernel):
    ex = kernel.run("slider(0, 10, 3).description(\"n\")")
    states = opens(ex)
    slider_id, slider = model(ex, "IntSliderModel")
    assert slider["_model_module"] == "@jupyter-widgets/controls" and slider["_model_module_version"] == "2.0.0"
    assert slider["_view_name"] == "IntSliderView" and slider["_view_module_version"] == "2.0.0"
    assert (slider["value"], slider["min"], slider["max"], slider["step"]) == (3, 0, 10, 1)
    assert slider["description"] == "n" and slider["readout_format"] == "d" and slider["continuous_update"] is True
    # Every comm_open says the protocol version; references point at models opened before.
    assert all(meta.get("version") == "2.1.0" for _, meta in states.values())
    order = list(states)
    for ref in ("layout", "style"):
        target = slider[ref].removeprefix("IPY_MODEL_")
        assert order.index(target) < order.index(slider_id), f"{ref} opened after the slider"
    assert states[slider["layout"].removeprefix("IPY_MODEL_")][0]["_model_name"] == "LayoutModel"
    assert states[slider["style"].removeprefix("IPY_MODEL_")][0]["_model_name"] == "SliderStyleModel"
    result = ex.of_type("execute_result")[-1]["content"]["data"]
    assert result[WIDGET_VIEW] == {"version_major": 2, "version_minor": 0, "model_id": slider_id}
    assert result["text/plain"] == "IntSlider(value=3, description='n', max=10)"
    assert slider_id in comm_info(kernel, "jupyter.widget")


def test_a_front_end_update_runs_the_listener_and_its_output_lands_in_the_output_widget(kernel):
    ex = kernel.run('var seen = new ArrayList<Integer>();\n'
                    'var s = slider(0, 10, 1);\n'
                    'var out = output();\n'
                    's.outputTo(out).onChange(v -> { seen.add(v); System.out.println("now " + v); });\n'
                    'vbox(s, out)')
    slider_id, _ = model(ex, "IntSliderModel")
    out_id, out = model(ex, "OutputModel")
    assert out["_model_module"] == "@jupyter-widgets/output" and out["outputs"] == []
    msgs = update(kernel, slider_id, {"value": 7})
    # ipywidgets 8 echoes a front end's update to every front end, and sends nothing else for it.
    assert updates_of(msgs, slider_id, "echo_update") == [{"value": 7}]
    assert updates_of(msgs, slider_id) == []
    assert last_outputs(msgs, out_id) == [{"output_type": "stream", "name": "stdout", "text": "now 7\n"}]
    assert kernel.value("s.value() + \" \" + seen") == '"7 [7]"'
    # An update from code goes to the front end once; the listener runs for it too.
    ex = kernel.run("s.value(4); seen")
    assert [m["content"]["data"]["state"] for m in ex.of_type("comm_msg")
            if m["content"]["comm_id"] == slider_id] == [{"value": 4}]
    assert ex.result == "[7, 4]"


def test_interact_redraws_the_plot_when_the_slider_moves(kernel):
    ex = kernel.run('var k = slider(0.1, 5, 1).description("k");\n'
                    'interact(kk -> plot().function("σ(kx)", x -> sigmoid(kk * x), -6, 6), k)')
    slider_id, slider = model(ex, "FloatSliderModel")
    assert (slider["min"], slider["max"], slider["value"]) == (0.1, 5.0, 1.0) and slider["step"] == pytest.approx(0.02)
    out_id, out = model(ex, "OutputModel")
    box_id, box = model(ex, "VBoxModel")
    assert box["children"] == [f"IPY_MODEL_{slider_id}", f"IPY_MODEL_{out_id}"]
    assert ex.result == "interact(k=1.0)"
    # Beside the widget, the first plot, for front ends without ipywidgets (they pick the image).
    shown = ex.of_type("execute_result")[-1]["content"]["data"]
    assert WIDGET_VIEW in shown and base64.b64decode(shown["image/png"]).startswith(b"\x89PNG")
    first = out["outputs"]
    assert len(first) == 1 and first[0]["output_type"] == "display_data"
    png1 = base64.b64decode(first[0]["data"]["image/png"])
    assert png1.startswith(b"\x89PNG")
    t0 = time.perf_counter()
    msgs = update(kernel, slider_id, {"value": 4.0})
    elapsed = time.perf_counter() - t0
    new = last_outputs(msgs, out_id)
    assert len(new) == 1 and new[0]["output_type"] == "display_data"
    png2 = base64.b64decode(new[0]["data"]["image/png"])
    assert png2.startswith(b"\x89PNG") and png2 != png1, "the plot was not drawn again for k = 4"
    assert elapsed < 20, f"a redraw took {elapsed:.1f} s"


def test_an_error_in_a_callback_shows_in_the_widget_output_and_the_kernel_goes_on(kernel):
    ex = kernel.run('var n = slider(0, 10, 1);\n'
                    'interact(v -> { if (v > 5) throw new IllegalStateException("too big: " + v); return v * v; }, n)')
    slider_id, _ = model(ex, "IntSliderModel")
    out_id, out = model(ex, "OutputModel")
    assert out["outputs"][0]["data"]["text/plain"] == "1"
    msgs = update(kernel, slider_id, {"value": 8})
    outputs = last_outputs(msgs, out_id)
    assert [o["output_type"] for o in outputs] == ["error"]
    err = outputs[0]
    assert err["ename"] == "java.lang.IllegalStateException" and err["evalue"] == "too big: 8"
    tb = strip_ansi("\n".join(err["traceback"]))
    cell = ex.execution_count
    assert f"cell [{cell}], line 2" in tb, tb
    assert "org.javadl.kernel" not in tb and "java.util" not in tb, f"kernel machinery in the traceback:\n{tb}"
    msgs = update(kernel, slider_id, {"value": 3})
    assert [o["data"]["text/plain"] for o in last_outputs(msgs, out_id)] == ["9"]
    assert kernel.value("1 + 1") == "2"


def test_button_clicks_and_other_controls(kernel):
    ex = kernel.run('var clicks = new int[1];\n'
                    'var b = button("Step").onClick(() -> clicks[0]++);\n'
                    'var d = dropdown(Map.of("slow", 0.01));\n'
                    'var d2 = dropdown("sigmoid", "tanh", "relu");\n'
                    'var c = checkbox("log scale", true);\n'
                    'var t = text("hi");\n'
                    'hbox(b, d2, c, t, label("rate"))')
    button_id, button = model(ex, "ButtonModel")
    assert button["description"] == "Step" and button["_view_name"] == "ButtonView"
    drop_id, drop = model(ex, "DropdownModel")
    assert drop["_options_labels"] == ["sigmoid", "tanh", "relu"] and drop["index"] == 0
    check_id, check = model(ex, "CheckboxModel")
    assert check["value"] is True and check["description"] == "log scale"
    text_id, text = model(ex, "TextModel")
    assert text["value"] == "hi"
    _, lab = model(ex, "LabelModel")
    assert lab["value"] == "rate"
    _, hbox = model(ex, "HBoxModel")
    assert len(hbox["children"]) == 5
    for _ in range(2):
        send(kernel, "comm_msg", {"comm_id": button_id, "data": {"method": "custom", "content": {"event": "click"}}})
    update(kernel, drop_id, {"index": 2})
    update(kernel, check_id, {"value": False})
    update(kernel, text_id, {"value": "typed"})
    update(kernel, drop_id, {"index": 99})  # out of range: ignored, as a bad value must not break the model
    assert kernel.value('clicks[0] + " " + d2.value() + " " + c.value() + " " + t.value()') == '"2 relu false typed"'


def test_request_state_and_the_control_comm_give_the_full_state(kernel):
    ex = kernel.run("var p = play(0, 20, 2, 50); var s = slider(0, 20, 0); var link = jslink(p, s); hbox(p, s)")
    play_id, play = model(ex, "PlayModel")
    assert (play["min"], play["max"], play["step"], play["interval"], play["playing"]) == (0, 20, 2, 50, False)
    slider_id, _ = model(ex, "IntSliderModel")
    link_id, link = model(ex, "LinkModel")
    assert link["source"] == [f"IPY_MODEL_{play_id}", "value"] and link["target"] == [f"IPY_MODEL_{slider_id}", "value"]
    assert link["_view_name"] is None
    # A Play driving the slider through the link: the front end sends the slider's new values.
    update(kernel, slider_id, {"value": 6})
    assert kernel.value("s.value()") == "6"

    msgs = [m for m in send(kernel, "comm_msg", {"comm_id": slider_id, "data": {"method": "request_state"}})[1]
            if m["msg_type"] == "comm_msg"]
    full = updates_of(msgs, slider_id)[-1]
    assert full["_model_name"] == "IntSliderModel" and full["value"] == 6 and full["layout"].startswith("IPY_MODEL_")

    control = uuid.uuid4().hex
    _, opened = send(kernel, "comm_open", {"comm_id": control, "target_name": "jupyter.widget.control", "data": {}})
    assert not [m for m in opened if m["msg_type"] == "comm_close"], "the control comm was refused"
    _, msgs = send(kernel, "comm_msg", {"comm_id": control, "data": {"method": "request_states"}})
    reply = [m["content"]["data"] for m in msgs if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == control]
    assert reply and reply[0]["method"] == "update_states"
    states = reply[0]["states"]
    assert states[slider_id]["model_name"] == "IntSliderModel" and states[slider_id]["state"]["value"] == 6
    assert states[link_id]["model_module"] == "@jupyter-widgets/controls"
    assert control in comm_info(kernel, "jupyter.widget.control")


def test_comm_info_lists_open_widget_comms_and_forgets_closed_ones(kernel):
    ex = kernel.run("var cb = checkbox(\"x\", false); cb")
    cid, _ = model(ex, "CheckboxModel")
    comms = comm_info(kernel)
    assert comms[cid] == {"target_name": "jupyter.widget"}
    send(kernel, "comm_close", {"comm_id": cid, "data": {}})
    assert cid not in comm_info(kernel)
    ex = kernel.run("var gone = slider(0, 5, 1); display(gone); gone.close();")
    gid, _ = model(ex, "IntSliderModel")
    closes = [m for m in ex.of_type("comm_close") if m["content"]["comm_id"] == gid]
    assert closes and gid not in comm_info(kernel)


@pytest.mark.timeout(60)
def test_an_interrupt_stops_a_runaway_callback(kernel):
    ex = kernel.run("var r = slider(0, 3, 0); interact(v -> { if (v == 2) { while (true) { } } return v; }, r)")
    slider_id, _ = model(ex, "IntSliderModel")
    out_id, _ = model(ex, "OutputModel")
    outputs = interrupt_during_update(kernel, slider_id, out_id, 2)
    assert outputs[-1]["output_type"] == "error" and outputs[-1]["ename"] == "Interrupted", outputs
    assert kernel.value("r.value()") == "2"


@pytest.mark.timeout(150)
def test_callbacks_and_their_interrupt_on_jdk25(kernel_name_jdk25, start_kernel):
    k = start_kernel(kernel_name_jdk25)
    ex = k.run("var r = slider(0, 3, 0); interact(v -> { if (v == 2) { while (true) { } } return v * 10; }, r)")
    slider_id, _ = model(ex, "IntSliderModel")
    out_id, _ = model(ex, "OutputModel")
    assert [o["data"]["text/plain"] for o in last_outputs(update(k, slider_id, {"value": 1}), out_id)] == ["10"]
    assert interrupt_during_update(k, slider_id, out_id, 2)[-1]["ename"] == "Interrupted"
    assert [o["data"]["text/plain"] for o in last_outputs(update(k, slider_id, {"value": 3}), out_id)] == ["30"]


def test_the_cell_time_budget_stops_a_slow_callback(kernel):
    ex = kernel.run("var slow = slider(0, 3, 0);\n"
                    "interact(v -> { if (v == 3) { try { Thread.sleep(20_000); } catch (InterruptedException e) { } } return v; }, slow)")
    slider_id, _ = model(ex, "IntSliderModel")
    out_id, _ = model(ex, "OutputModel")
    kernel.run("%timeout 1s")
    try:
        t0 = time.perf_counter()
        outputs = last_outputs(update(kernel, slider_id, {"value": 3}), out_id)
        elapsed = time.perf_counter() - t0
    finally:
        kernel.run("%timeout off")
    assert outputs[-1]["output_type"] == "error" and outputs[-1]["ename"] == "Timeout", outputs
    assert "time budget of 1.00 s" in strip_ansi(" ".join(outputs[-1]["traceback"])), outputs[-1]
    assert elapsed < 10, f"the budget of 1 s stopped the callback after {elapsed:.1f} s"
