import json

import numpy as np
import pytest

from widgets.figures.spine_drawing import SpineDrawing, spine_frame, spine_scene
from widgets.figures.spine_parts import outlines
from widgets.model.spine import build_spine
from widgets.model.spine_params import PRESETS


def points(shape):
    return np.array(shape["points"]).reshape(-1, 2)


def test_scene_is_json_with_every_outline_in_svg_coordinates():
    geom = build_spine("adult-mean")
    frame = spine_frame([(geom,)], 400)
    scene = spine_scene([geom], ["Adult"], frame, 400)
    json.dumps(scene)  # plain JSON, ready for the trait
    (spine,) = scene["spines"]
    parts = outlines(geom)
    assert [s["name"] for s in spine["shapes"]] == [p.name for p in parts]
    l5 = next(s for s in spine["shapes"] if s["name"] == "L5")
    assert l5["hover"] == "L5 (lumbar)" and l5["colour"] == "lumbar"
    # SVG y points down: the model's y is negated; 0.1 mm precision
    assert points(l5) == pytest.approx(geom.body("L5") * [1, -1], abs=0.051)


def test_scene_labels_the_angles_and_tells_screen_readers():
    geom = build_spine("roussouly-4")
    scene = spine_scene([geom], ["Roussouly type 4"], spine_frame([(geom,)], 380), 380)
    lines = [line for label in scene["spines"][0]["labels"] for line in label["lines"]]
    assert "68°" in lines and "PI 62° = PT 12° + SS 50°" in lines
    assert "Roussouly type 4: C2–C7 lordosis" in scene["label"]
    assert "L1–S1 lordosis 68°" in scene["label"]


def test_frame_holds_every_spine_and_label():
    layouts = [(build_spine("adult-mean"), build_spine(p)) for p in PRESETS]
    x0, x1, y0, y1 = spine_frame(layouts, 760)
    for geoms in layouts:
        scene = spine_scene(list(geoms), ["a", "b"], (x0, x1, y0, y1), 760)
        for spine in scene["spines"]:
            for shape in spine["shapes"]:
                xy = points(shape)
                assert x0 <= xy[:, 0].min() and xy[:, 0].max() <= x1
                assert -y1 <= xy[:, 1].min() and xy[:, 1].max() <= -y0
            for label in spine["labels"]:
                assert x0 < label["x"] < x1


def test_titles_must_match_the_spines():
    geom = build_spine("adult-mean")
    with pytest.raises(ValueError, match="2 titles for 1 spines"):
        spine_scene([geom], ["a", "b"], spine_frame([(geom,)], 380), 380)


def test_draw_replaces_the_scene_trait():
    drawing = SpineDrawing(spine_frame([(build_spine("newborn"),)], 380), 380)
    drawing.draw([build_spine("adult-mean")], ["Adult"])
    before = drawing.scene
    drawing.draw([build_spine("newborn")], ["Newborn"])
    assert drawing.scene["spines"][0]["title"] == "Newborn · 31 % of adult size"
    assert drawing.scene["spines"][0]["shapes"] != before["spines"][0]["shapes"]
    assert drawing.scene["viewBox"] == before["viewBox"]  # the frame stays put
    assert set(drawing.keys) >= {"scene", "_esm", "_css"}
