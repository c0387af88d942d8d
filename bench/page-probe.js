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
        p.frames.push(now - last);
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
      // The data arrived when the last API response before the board appeared finished.
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/invoke') && e.responseEnd <= p.boardAt);
      const mark = performance.getEntriesByName('rungs:board-rendered')[0];
      return {
        dataAt: Math.max(...api.map((e) => e.responseEnd)),
        boardAt: p.boardAt,
        paintedAt: p.paintedAt,
        longTasks: p.longTasks,
        mark: mark ? mark.startTime : null,
      };
    },
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
