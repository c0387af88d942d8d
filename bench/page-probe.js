// Loaded into the page before the app (Playwright addInitScript): collects what the renderer
// figures need from the page itself. Plain JavaScript because it runs in the browser, not in Node.
(() => {
  const p = {
    longTasks: [],
    boardAt: null,
    paintedAt: null,
    frames: null,
    /** Start recording requestAnimationFrame deltas (ms between frames). */
    startFrames() {
      p.frames = [];
      let last = performance.now();
      const tick = (now) => {
        if (p.frames === null) return;
        // Rounded to the microsecond: the page's clock is coarsened (to 0.1 ms here), so a 16.7 ms
        // frame came out as 16.700000000186 and read as over a 16.7 ms target. No clock this page
        // can see is finer than 5 µs, so the rounding drops float noise, never a measured difference.
        p.frames.push(Math.round((now - last) * 1000) / 1000);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stopFrames() {
      const frames = p.frames ?? [];
      p.frames = null;
      return frames;
    },
    /** The first render: when the data arrived, when the board was committed and painted. */
    firstRender() {
      // The data arrived when the last API response before the board appeared finished. The app
      // asks for its first snapshot as its script starts, and the answer can come before the app is
      // ready for it (rungs:app-ready): the render is timed from whichever came later.
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/invoke') && e.responseEnd <= p.boardAt);
      const mark = performance.getEntriesByName('rungs:board-rendered')[0];
      const ready = performance.getEntriesByName('rungs:app-ready')[0];
      return {
        dataAt: Math.max(...api.map((e) => e.responseEnd), ready ? ready.startTime : 0),
        boardAt: p.boardAt,
        paintedAt: p.paintedAt,
        longTasks: p.longTasks,
        mark: mark ? mark.startTime : null,
      };
    },
  };
  // Input timestamps (event.timeStamp shares performance.now()'s clock): a latency is the app's
  // mark minus the input that caused it.
  const inputs = [];
  for (const type of ['pointerdown', 'pointermove', 'pointerup', 'keydown']) {
    window.addEventListener(type, (e) => inputs.push({ type, at: e.timeStamp }), { capture: true, passive: true });
  }
  /** The latest input of one of `types` at or before `t`. */
  p.inputBefore = (t, types) => {
    for (let i = inputs.length - 1; i >= 0; i--) if (inputs[i].at <= t && types.includes(inputs[i].type)) return inputs[i].at;
    return null;
  };
  p.clearMarks = () => {
    inputs.length = 0;
    for (const name of ['rungs:drag-start', 'rungs:drop-optimistic', 'rungs:drop-persisted']) performance.clearMarks(name);
  };
  /** Latencies of the last drag, from the app's marks and the inputs that caused them. */
  p.dragLatencies = () => {
    const at = (name) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? null;
    const start = at('rungs:drag-start');
    const optimistic = at('rungs:drop-optimistic');
    const persisted = at('rungs:drop-persisted');
    const started = start === null ? null : p.inputBefore(start, ['pointermove', 'pointerdown', 'keydown']);
    const dropped = optimistic === null ? null : p.inputBefore(optimistic, ['pointerup', 'keydown']);
    return {
      dragStart: start !== null && started !== null ? start - started : null,
      dropOptimistic: optimistic !== null && dropped !== null ? optimistic - dropped : null,
      dropPersisted: persisted !== null && dropped !== null ? persisted - dropped : null,
    };
  };
  window.__rungsBench = p;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) p.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Long tasks are a Chromium API; elsewhere the figure reads empty.
  }
  // React commits the whole board at once; the observer fires in the microtask after that commit.
  const seen = new MutationObserver(() => {
    if (p.boardAt !== null || !document.querySelector('[data-id^="lane-"]')) return;
    p.boardAt = performance.now();
    seen.disconnect();
    // The frame after the commit has been painted once a task queued from requestAnimationFrame runs.
    requestAnimationFrame(() => setTimeout(() => (p.paintedAt = performance.now())));
  });
  document.addEventListener('DOMContentLoaded', () => seen.observe(document.body, { childList: true, subtree: true }));
})();
