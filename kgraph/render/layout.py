"""Node positions computed in Python, and the vis-network options that go with them.

Why positions are computed here: vis-network's own physics in headless
Chromium takes 17 s to settle 200 nodes with pyvis defaults and over a minute
at 1,000 (measured in the shared ecosystem notes).  A seeded force layout in numpy costs well
under a second for the default 300-node view, makes the page byte-for-byte
reproducible and lets the browser draw once, with physics off.  Small graphs
still get a short, bounded physics polish (``smooth: false``, at most
``STABILIZE_ITERATIONS`` steps) that switches itself off afterwards.

``networkx.spring_layout`` is not used: its sparse path takes about a minute
for 5,000 nodes, and it lets isolated nodes drift to the border.
"""
from __future__ import annotations

import math

# numpy arrives with pandas (a kgraph dependency); imported inside the functions.

# pyvis's template adds a progress overlay above 100 nodes with physics on;
# staying at or under it keeps the overlay out and the settling under ~1 s.
PHYSICS_MAX_NODES = 100
STABILIZE_ITERATIONS = 200
EXACT_MAX_NODES = 500
SEED = 7
SPACING_PX = 95.0


def _repulsion_exact(pos, k2):
    import numpy as np

    dx = pos[:, 0][:, None] - pos[:, 0][None, :]
    dy = pos[:, 1][:, None] - pos[:, 1][None, :]
    scale = k2 / (dx * dx + dy * dy + 1e-9)
    return np.stack([(dx * scale).sum(axis=1), (dy * scale).sum(axis=1)], axis=1)


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


def force_layout(n: int, edges: list[tuple[int, int]], *, seed: int = SEED) -> list[tuple[int, int]]:
    """Seeded force layout of nodes ``0..n-1``; returns integer pixel positions.

    Up to ``EXACT_MAX_NODES`` nodes: Fruchterman-Reingold with exact
    repulsion and some gravity, so that separate components and isolated
    nodes stay near the centre instead of on a distant ring.  Beyond that,
    the best connected ``EXACT_MAX_NODES`` nodes are laid out that way, the
    others are placed around their neighbours and a few cheap local-repulsion
    steps remove overlaps (seconds for 20,000 nodes, where exact repulsion
    would need minutes).
    """
    import numpy as np

    if n == 0:
        return []
    pairs = sorted({(a, b) for a, b in edges if a != b})
    src = np.array([a for a, _ in pairs], dtype=int)
    dst = np.array([b for _, b in pairs], dtype=int)
    rng = np.random.default_rng(seed)
    if n <= EXACT_MAX_NODES:
        pos = rng.random((n, 2)) - 0.5
        k = 1.0 / math.sqrt(n)
        _relax(pos, src, dst, k=k, iterations=120 if n <= 300 else 60, temp=0.1,
               gravity=1.5, repulse=_repulsion_exact)
    else:
        adjacency: list[list[int]] = [[] for _ in range(n)]
        for a, b in pairs:
            adjacency[a].append(b)
            adjacency[b].append(a)
        ranked = sorted(range(n), key=lambda i: (-len(adjacency[i]), i))
        core = sorted(ranked[:EXACT_MAX_NODES])
        index = {node: i for i, node in enumerate(core)}
        core_pairs = [(index[a], index[b]) for a, b in pairs if a in index and b in index]
        core_pos = rng.random((len(core), 2)) - 0.5
        _relax(core_pos, np.array([a for a, _ in core_pairs], dtype=int),
               np.array([b for _, b in core_pairs], dtype=int), k=1.0 / math.sqrt(len(core)),
               iterations=60, temp=0.1, gravity=1.5, repulse=_repulsion_exact)
        k = 1.0 / math.sqrt(n)
        pos = np.zeros((n, 2))
        pos[core] = core_pos
        _place_rest(pos, set(core), [sorted(a) for a in adjacency], step=0.8 * k)
        _relax(pos, src, dst, k=k, iterations=15, temp=k, gravity=0.0, repulse=_repulsion_local)
    pos -= pos.mean(axis=0)
    pixels = np.rint(pos / k * SPACING_PX).astype(int)
    return [(int(x), int(y)) for x, y in pixels]


def vis_options(n_nodes: int, *, physics: bool) -> dict:
    """vis-network options: settle fast, stop moving, stay readable.

    ``smooth: false`` globally (curved edges cost physics support nodes);
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
            "color": {"inherit": False},
            # a background instead of a stroke: with a stroke the edge line
            # shows through the gaps between words
            "font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 0,
                     "background": "rgba(255,255,255,0.85)"},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "layout": {"improvedLayout": False, "randomSeed": SEED},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "multiselect": True,
        },
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "centralGravity": 0.3,
                          "springLength": 110, "springConstant": 0.03,
                          "damping": 0.5, "avoidOverlap": 0.3},
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "iterations": STABILIZE_ITERATIONS,
                              "updateInterval": 50, "fit": True},
        }
    else:
        options["physics"] = {"enabled": False, "stabilization": {"enabled": False}}
    return options
