"""Node positions computed in Python, and the vis-network options that go with them.

Why positions are computed here: vis-network's own physics in headless
Chromium takes 17 s to settle 200 nodes with pyvis defaults and over a minute
at 1,000 (measured in the shared ecosystem notes).  A seeded layout costs
well under a second for the default 300-node view, makes the page
byte-for-byte reproducible and lets the browser draw once, with physics off.

The layout is networkx's ForceAtlas2 (``forceatlas2_layout``, maintained
upstream) with strong gravity, so that clusters show and separate components
stay near the centre, and overlapping nodes are then pushed apart in pixel space, leaving room
for labels.
Its repulsion is exact (quadratic), so beyond ``EXACT_MAX_NODES`` only the
best connected nodes are laid out that way; the others are placed around
their neighbours and a few cheap local-repulsion steps remove overlaps
(seconds for 20,000 nodes).
"""
from __future__ import annotations

import math

from kgraph.render import style

# numpy arrives with pandas (a kgraph dependency); imported inside the functions.

EXACT_MAX_NODES = 300  # the default view is laid out whole
FA2_ITERATIONS = 100
SEED = 7
SPACING_PX = 110.0  # canvas pixels of area per node side (the starting zoom fits it to the screen)
LABEL_LINE_PX = 20.0  # a label line under a node, in canvas pixels (font 14)
LABEL_CHAR_PX = 7.5  # average width of a label character at font 14
LABELLED = 30  # as in controls.js: the best ranked labels, LABEL_PX high on screen at any zoom
LABEL_PX = 13
SCREEN_PX = (1300.0, 700.0)  # the canvas a page is usually first seen in


def _repulsion_local(pos, k2):
    """Fruchterman and Reingold's grid variant: only nodes closer than 2k repel.

    Nodes are hashed into cells of side 2k and paired with the nine cells
    around them, all in numpy: a step costs a few dozen pairs per node.
    """
    import numpy as np

    n = len(pos)
    radius = 2.0 * math.sqrt(k2)
    cxy = ((pos - pos.min(axis=0)) / radius).astype(np.int64)
    height = int(cxy[:, 1].max()) + 3
    cell = (cxy[:, 0] + 1) * height + (cxy[:, 1] + 1)
    order = np.argsort(cell, kind="stable")
    counts = np.bincount(cell, minlength=(int(cxy[:, 0].max()) + 3) * height)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    out = np.zeros_like(pos)
    for offset in (-height - 1, -height, -height + 1, -1, 0, 1, height - 1, height, height + 1):
        nb = cell + offset
        cnt = counts[nb]
        total = int(cnt.sum())
        if total == 0:
            continue
        i = np.repeat(np.arange(n), cnt)
        j = order[np.repeat(starts[nb] - (np.cumsum(cnt) - cnt), cnt) + np.arange(total)]
        d = pos[i] - pos[j]
        dist2 = (d * d).sum(axis=1)
        near = (i != j) & (dist2 < radius * radius)
        f = d[near] * (k2 / (dist2[near] + 1e-9))[:, None]
        for axis in (0, 1):
            out[:, axis] += np.bincount(i[near], f[:, axis], minlength=n)
    return out


def _relax(pos, src, dst, *, k, iterations, temp, gravity, repulse):
    """Fruchterman-Reingold steps with gravity, moving ``pos`` in place."""
    import numpy as np

    n = len(pos)
    cooling = temp / (iterations + 1)
    for _ in range(iterations):
        disp = repulse(pos, k * k)
        if len(src):
            delta = pos[src] - pos[dst]
            pull = delta * (np.sqrt((delta**2).sum(axis=1)) / k)[:, None]
            for d in (0, 1):
                disp[:, d] += np.bincount(dst, pull[:, d], minlength=n)
                disp[:, d] -= np.bincount(src, pull[:, d], minlength=n)
        disp -= pos * gravity
        length = np.sqrt((disp**2).sum(axis=1)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= cooling


def _place_rest(pos, placed, adjacency, *, step):
    """Put every unplaced node near an already placed neighbour (sunflower rings).

    Breadth-first from the laid-out skeleton; nodes in components that never
    touch the skeleton start on a spiral outside it.  Golden-angle spirals
    fill a disc evenly, so a hub's many leaves do not pile up.
    """
    from collections import deque

    golden = math.pi * (3.0 - math.sqrt(5.0))
    children = [0] * len(pos)
    queue = deque(sorted(placed))
    outside = 0
    rim = max((math.hypot(*pos[i]) for i in placed), default=0.0) + 3 * step
    for start in range(len(pos)):
        if start not in placed:
            if not queue:
                angle = outside * golden
                radius = rim + step * math.sqrt(outside)
                pos[start] = (radius * math.cos(angle), radius * math.sin(angle))
                placed.add(start)
                outside += 1
                queue.append(start)
        while queue:
            u = queue.popleft()
            for v in adjacency[u]:
                if v in placed:
                    continue
                children[u] += 1
                angle = children[u] * golden
                radius = step * math.sqrt(children[u])
                pos[v] = (pos[u][0] + radius * math.cos(angle), pos[u][1] + radius * math.sin(angle))
                placed.add(v)
                queue.append(v)


def _forceatlas2(n: int, pairs: list[tuple[int, int]], seed: int):
    """ForceAtlas2 positions of nodes ``0..n-1`` as an (n, 2) array."""
    import networkx as nx
    import numpy as np

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(pairs)
    rng = np.random.default_rng(seed)
    start = dict(enumerate(rng.random((n, 2)) - 0.5))
    pos = nx.forceatlas2_layout(g, pos=start, max_iter=FA2_ITERATIONS, strong_gravity=True, gravity=0.5,
                                scaling_ratio=4.0, seed=seed)
    return np.array([pos[i] for i in range(n)], dtype=float)


def _scaled(pos, n: int):
    """Centre the layout and scale it to about ``SPACING_PX`` squared of canvas per node."""
    import numpy as np

    pos = pos - pos.mean(axis=0)
    extent = np.ptp(pos, axis=0)
    area = float(max(extent[0], 1e-9) * max(extent[1], 1e-9))
    return pos * (SPACING_PX * math.sqrt(n / area) if n > 1 else 1.0)


def _separate(pos, radii, widths=None, lines=None, *, margin: float = 10.0, rounds: int = 60) -> None:
    """Push apart nodes whose boxes (the node and its label below it) overlap, in place.

    A box is ``max(node, label)`` wide and node-plus-label-line high; each
    overlapping pair moves apart along the axis where it overlaps less.
    Exact pairwise (quadratic), so only for the laid-out core.
    """
    import numpy as np

    r = np.asarray(radii, dtype=float)
    half_w = np.maximum(r, np.asarray(widths if widths is not None else r, dtype=float) / 2.0) + margin / 2.0
    line = np.asarray(lines if lines is not None else np.full(len(pos), LABEL_LINE_PX), dtype=float)
    top, bottom = r + margin / 2.0, r + line + margin / 2.0
    n = len(pos)
    for _ in range(rounds):
        dx = pos[:, 0][:, None] - pos[:, 0][None, :]  # i minus j
        dy = pos[:, 1][:, None] - pos[:, 1][None, :]
        over_x = half_w[:, None] + half_w[None, :] - np.abs(dx)
        # i below j (dy > 0): i's top meets j's bottom
        over_y = np.where(dy > 0, top[:, None] + bottom[None, :], bottom[:, None] + top[None, :]) - np.abs(dy)
        hit = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            return
        along_x = hit & (over_x * 0.6 <= over_y)  # labels are wide: sideways moves are cheaper
        along_y = hit & ~along_x
        sx = np.where(dx >= 0, 1.0, -1.0) - np.eye(n)
        sy = np.where(dy >= 0, 1.0, -1.0) - np.eye(n)
        pos[:, 0] += (np.where(along_x, over_x, 0.0) * sx).sum(axis=1) * 0.25
        pos[:, 1] += (np.where(along_y, over_y, 0.0) * sy).sum(axis=1) * 0.25


def _to_pixels(pos) -> list[tuple[int, int]]:
    import numpy as np

    pixels = np.rint(pos).astype(int)
    return [(int(x), int(y)) for x, y in pixels]


def force_layout(n: int, edges: list[tuple[int, int]], *, seed: int = SEED, sizes: list[float] | None = None,
                 labels: list[str] | None = None, ranks: list[int] | None = None) -> list[tuple[int, int]]:
    """Seeded layout of nodes ``0..n-1``; integer pixel positions.

    ``sizes`` are node radii in pixels, ``labels`` the label texts and
    ``ranks`` the importance order (0 = most important) that the page uses
    to enlarge labels; with them, nodes and labels are kept from overlapping.
    """
    import numpy as np

    if n == 0:
        return []
    pairs = sorted({(min(a, b), max(a, b)) for a, b in edges if a != b})
    if n <= EXACT_MAX_NODES:
        pos = _scaled(_forceatlas2(n, pairs, seed), n)
        # the page draws the labels of the LABELLED best ranked nodes LABEL_PX high on screen
        # at the starting zoom: leave room for them at that size
        extent = np.ptp(pos, axis=0) + 2 * SPACING_PX
        start_scale = min(SCREEN_PX[0] / extent[0], SCREEN_PX[1] / extent[1], 1.6)
        grow = np.ones(n)
        if ranks is not None:
            grow[[i for i, rank in enumerate(ranks) if rank < LABELLED]] = max(1.0, LABEL_PX / start_scale / 14.0)
        widths = None if labels is None else [LABEL_CHAR_PX * len(label) * g for label, g in zip(labels, grow)]
        _separate(pos, sizes if sizes is not None else [10.0] * n, widths, LABEL_LINE_PX * grow)
        return _to_pixels(pos)
    adjacency: list[list[int]] = [[] for _ in range(n)]
    for a, b in pairs:
        adjacency[a].append(b)
        adjacency[b].append(a)
    ranked = sorted(range(n), key=lambda i: (-len(adjacency[i]), i))
    core = sorted(ranked[:EXACT_MAX_NODES])
    index = {node: i for i, node in enumerate(core)}
    core_pairs = [(index[a], index[b]) for a, b in pairs if a in index and b in index]
    core_pos = _forceatlas2(len(core), core_pairs, seed)
    core_pos = (core_pos - core_pos.mean(axis=0)) / (np.ptp(core_pos, axis=0).max() or 1.0)
    k = 1.0 / math.sqrt(n)
    pos = np.zeros((n, 2))
    pos[core] = core_pos  # spread over the unit square, room for the rest around the hubs
    _place_rest(pos, set(core), [sorted(a) for a in adjacency], step=0.8 * k)
    src = np.array([a for a, _ in pairs], dtype=int)
    dst = np.array([b for _, b in pairs], dtype=int)
    _relax(pos, src, dst, k=k, iterations=15, temp=k, gravity=0.0, repulse=_repulsion_local)
    return _to_pixels(_scaled(pos, n))


def vis_options(n_nodes: int) -> dict:
    """vis-network options: drawn once where Python placed the nodes, never moving, readable.

    ``smooth: false`` globally (curved edges cost drawing time);
    parallel edges get static per-edge curves instead.  Big views hide edges
    while dragging or zooming so that panning stays fluid.
    """
    large = n_nodes > 1000
    options = {
        "nodes": {
            "font": {"size": 14, "face": "Helvetica, Arial, sans-serif",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1.5,
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"inherit": False, "opacity": 0.85},  # edges give one colour string each
            # a background instead of a stroke: with a stroke the edge line
            # shows through the gaps between words
            "font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 0,
                     "background": "rgba(255,255,255,0.85)"},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "layout": {"improvedLayout": False, "randomSeed": SEED},
        "groups": style.groups(),
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "multiselect": True,
        },
    }
    options["physics"] = {"enabled": False, "stabilization": {"enabled": False}}
    return options
